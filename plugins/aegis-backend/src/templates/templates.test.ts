import { portalRequests } from '../__testUtils__/portalRequests';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const ADMIN = 'ada.admin';
const RED = 'rex.redtech';
const BLUE_LEAD = 'bo.bluelead';

const TEMPLATE = {
  name: 'Encoded PowerShell',
  description: 'Run an encoded command',
  techniques: ['T1059.001'],
  platform: 'Windows',
  severity: 'high',
  procedure: 'powershell -enc ...',
  tools: ['powershell'],
  expectedDetection: 'EDR alert',
  tags: ['execution'],
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'test templates on %p',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startAegisPortal>>;
    const { api, signIn } = portalRequests(() => portal);

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      portal = await startAegisPortal({ knex });
      await signIn(ADMIN, RED, BLUE_LEAD);
      await api('post', '/system/sync-mitre', ADMIN).expect(200);
    });

    it('lets admins keep templates and red techs start tests from them', async () => {
      const denied = await api('post', '/templates', RED).send(TEMPLATE);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('aegis.template.create');

      const created = await api('post', '/templates', ADMIN).send(TEMPLATE);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        ...TEMPLATE,
        active: true,
        version: 1,
        createdBy: 'user:default/ada.admin',
      });
      const id = created.body.id;

      const test = await api('post', `/templates/${id}/tests`, RED).send({
        targets: ['payments-api'],
        blind: true,
      });
      expect(test.status).toBe(201);
      expect(test.body).toMatchObject({
        title: TEMPLATE.name,
        techniques: ['T1059.001'],
        platform: 'Windows',
        procedure: TEMPLATE.procedure,
        targets: ['component:default/payments-api'],
        blind: true,
        templateId: id,
        state: 'draft',
        createdBy: 'user:default/rex.redtech',
      });

      const stats = await api('get', '/templates/stats', ADMIN);
      expect(stats.body.items).toContainEqual(
        expect.objectContaining({ templateId: id, tests: 1, inProgress: 1 }),
      );
      expect((await api('get', '/templates/stats', RED)).status).toBe(403);
    });

    it('hides deactivated templates from everyone but admins, in the query', async () => {
      const { id } = (
        await api('post', '/templates', ADMIN)
          .send({ ...TEMPLATE, name: 'Retired technique drill' })
          .expect(201)
      ).body;

      const stale = await api('patch', `/templates/${id}`, ADMIN).send({
        active: false,
        version: 7,
      });
      expect(stale.status).toBe(409);
      const deactivated = await api('patch', `/templates/${id}`, ADMIN).send({
        active: false,
        version: 1,
      });
      expect(deactivated.body).toMatchObject({ active: false, version: 2 });

      const names = async (user: string, query: string) =>
        (await api('get', `/templates?${query}`, user)).body.items.map(
          (t: { name: string }) => t.name,
        );
      expect(await names(RED, 'status=all')).not.toContain(
        'Retired technique drill',
      );
      expect(await names(BLUE_LEAD, 'status=inactive')).toEqual([]);
      expect(await names(ADMIN, 'status=inactive')).toEqual([
        'Retired technique drill',
      ]);
      expect((await api('get', `/templates/${id}`, RED)).status).toBe(404);
      expect(
        (await api('post', `/templates/${id}/tests`, ADMIN).send({})).status,
      ).toBe(409);

      const audit = await api(
        'get',
        `/audit-log?entity_type=template&entity_id=${id}`,
        ADMIN,
      );
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
        ['template.deactivate', 'template.create'],
      );
    });

    it('answers bad input with the offending field', async () => {
      const unknown = await api('post', '/templates', ADMIN).send({
        ...TEMPLATE,
        techniques: ['T9999'],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain('T9999');
      const missing = await api('post', '/templates', ADMIN).send({
        name: 'x',
      });
      expect(missing.body.error.message).toMatch(
        /techniques.*platform.*severity/s,
      );
      expect((await api('get', '/templates?status=old', RED)).status).toBe(400);
    });
  },
);
