import { portalRequests } from '../__testUtils__/portalRequests';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const ADMIN = 'ada.admin';
const RED = 'rex.redtech';
const RED_LEAD = 'rosa.redlead';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'custom techniques and reviews on %p',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startAegisPortal>>;
    const { api, signIn } = portalRequests(() => portal);

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      portal = await startAegisPortal({ knex });
      await signIn(ADMIN, RED, RED_LEAD);
      await api('post', '/system/sync-mitre', ADMIN).expect(200);
    });

    it('keeps custom techniques under ids MITRE never uses, untouched by syncs', async () => {
      const body = {
        name: 'Abuse of the in-house deploy bot',
        description: 'Push a build through the chat bot without review',
        platforms: ['Linux'],
        tactics: ['execution'],
      };
      expect((await api('post', '/techniques', RED).send(body)).status).toBe(
        403,
      );

      const first = await api('post', '/techniques', ADMIN).send(body);
      const second = await api('post', '/techniques', ADMIN).send({
        ...body,
        name: 'Second procedure',
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        mitreId: 'X0001',
        custom: true,
        name: body.name,
        tactics: ['execution'],
        platforms: ['Linux'],
      });
      expect(second.body.mitreId).toBe('X0002');

      // A test may use it, and a second sync leaves it as it was.
      await api('post', '/tests', RED)
        .send({
          title: 'Bot',
          techniques: ['X0001'],
          platform: 'Linux',
          severity: 'low',
        })
        .expect(201);
      await api('post', '/system/sync-mitre', ADMIN).expect(200);
      const listed = await api(
        'get',
        '/techniques?tactic=execution&limit=1000',
        RED,
      );
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({ mitreId: 'X0001', name: body.name }),
      );

      const renamed = await api('patch', '/techniques/X0001', ADMIN).send({
        name: 'Deploy bot abuse',
      });
      expect(renamed.body.name).toBe('Deploy bot abuse');

      const unknownTactic = await api('post', '/techniques', ADMIN).send({
        ...body,
        tactics: ['teleportation'],
      });
      expect(unknownTactic.status).toBe(400);
      expect(unknownTactic.body.error.message).toContain('teleportation');
    });

    it("keeps MITRE's fields to the sync and lets leads clear review flags", async () => {
      const renamed = await api('patch', '/techniques/T1059', ADMIN).send({
        name: 'Not MITRE any more',
      });
      expect(renamed.status).toBe(409);
      expect(renamed.body.error.message).toContain(
        'change only through the ATT&CK sync',
      );

      const flagged = await api('patch', '/techniques/T1059', ADMIN).send({
        reviewRequired: true,
        reviewNote: 'Check our EDR rule after the release 19 split',
      });
      expect(flagged.body).toMatchObject({ reviewRequired: true });
      const needing = await api('get', '/techniques?review_required=true', RED);
      expect(
        needing.body.items.map((t: { mitreId: string }) => t.mitreId),
      ).toEqual(['T1059']);

      expect(
        (
          await api('patch', '/techniques/T1059/review', RED).send({
            note: 'ok',
          })
        ).status,
      ).toBe(403);
      const reviewed = await api(
        'patch',
        '/techniques/T1059/review',
        RED_LEAD,
      ).send({
        note: 'Rule still fires on the new sub-technique',
      });
      expect(reviewed.body).toMatchObject({
        reviewRequired: false,
        reviewNote: 'Rule still fires on the new sub-technique',
      });

      const audit = await api(
        'get',
        '/audit-log?entity_type=technique&entity_id=T1059',
        ADMIN,
      );
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
        ['technique.review', 'technique.update'],
      );
    });
  },
);
