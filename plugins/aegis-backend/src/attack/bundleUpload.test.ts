import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { portalRequests } from '../__testUtils__/portalRequests';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { FIXTURE_BUNDLE } from './config';

jest.setTimeout(120_000);

const ADMIN = 'ada.admin';
const RED = 'rex.redtech';
const RED_LEAD = 'rosa.redlead';
const fixture = readFileSync(FIXTURE_BUNDLE);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'syncing from an uploaded bundle on %p',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startAegisPortal>>;
    let knex: Awaited<ReturnType<typeof databases.init>>;
    const { api, signIn, token } = portalRequests(() => portal);
    const upload = (body: Buffer, user = ADMIN) =>
      api('post', '/system/attack-bundle?domain=enterprise-attack', user)
        .set('Content-Type', 'application/octet-stream')
        .send(body);

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      portal = await startAegisPortal({
        knex,
        // Room for the fixture, not for much more.
        aegisConfig: { attack: { maxBundleBytes: fixture.length + 1024 } },
      });
      await signIn(ADMIN, RED, RED_LEAD);
    });

    it('applies a gzipped bundle as a run of its own', async () => {
      expect((await upload(gzipSync(fixture), RED)).status).toBe(403);

      const response = await upload(gzipSync(fixture));

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        outcome: 'succeeded',
        source: 'upload',
        sourceDetail: expect.stringMatching(
          /^uploaded by user:default\/ada\.admin/,
        ),
        release: '19.0',
      });
      expect(
        await knex('aegis_attack_techniques')
          .where('mitre_id', 'T1059')
          .first('name'),
      ).toEqual({ name: 'Command and Scripting Interpreter' });
    });

    it('refuses what is too large, even when it is small compressed, and changes nothing', async () => {
      const before = await knex('aegis_attack_sync_runs').count({ n: '*' });
      // Megabytes of spaces compress to a few kilobytes.
      const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, ' '));
      expect(bomb.length).toBeLessThan(fixture.length);

      const tooLarge = await upload(bomb);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.message).toContain('decompressed');

      const rawTooLarge = await upload(
        Buffer.alloc(fixture.length + 4096, ' '),
      );
      expect(rawTooLarge.status).toBe(413);

      const notJson = await upload(Buffer.from('not a bundle'));
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toContain('not a STIX bundle');

      expect(await knex('aegis_attack_sync_runs').count({ n: '*' })).toEqual(
        before,
      );
    });

    it('flags the tests of a technique the next release revokes, and tells the leads', async () => {
      await upload(fixture).expect(200);
      const created = await api('post', '/tests', RED)
        .send({
          title: 'Masquerading drill',
          techniques: ['T1036'],
          platform: 'Linux',
          severity: 'low',
        })
        .expect(201);

      // The next release revokes T1036 in favour of T1059.
      const next = JSON.parse(fixture.toString('utf8'));
      for (const object of next.objects) {
        if (
          object.id === 'attack-pattern--00000000-0000-4000-8000-0000000000b5'
        ) {
          object.revoked = true;
          object.modified = '2026-11-01T00:00:00.000Z';
        }
      }
      next.objects.push({
        type: 'relationship',
        id: 'relationship--00000000-0000-4000-8000-0000000000c9',
        relationship_type: 'revoked-by',
        source_ref: 'attack-pattern--00000000-0000-4000-8000-0000000000b5',
        target_ref: 'attack-pattern--00000000-0000-4000-8000-0000000000b1',
        modified: '2026-11-01T00:00:00.000Z',
      });
      const run = await upload(Buffer.from(JSON.stringify(next)));
      expect(run.body).toMatchObject({ outcome: 'succeeded', revoked: 1 });

      const flagged = await api('get', '/tests?needs_remap=true', RED);
      expect(flagged.body.items.map((t: { id: string }) => t.id)).toEqual([
        created.body.id,
      ]);
      expect(
        (await api('get', `/tests/${created.body.id}`, RED)).body.remap,
      ).toEqual([
        { mitreId: 'T1036', reason: 'revoked', replacement: 'T1059' },
      ]);
      const notifications = await request(portal.server)
        .get('/api/notifications/notifications')
        .set('Authorization', `Bearer ${token(RED_LEAD)}`);
      expect(notifications.body.notifications).toContainEqual(
        expect.objectContaining({
          payload: expect.objectContaining({
            title: '1 test to re-map after the ATT&CK sync',
            link: '/aegis/tests?needs_remap=true',
          }),
        }),
      );
    });
  },
);
