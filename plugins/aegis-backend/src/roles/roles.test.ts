import request from 'supertest';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const ref = (name: string) => `user:default/${name}`;
const userPath = (name: string) =>
  `/api/aegis/users/${encodeURIComponent(ref(name))}`;

describe.each(databases.eachSupportedId())('roles on %p', databaseId => {
  async function start(aegisConfig?: Record<string, unknown>) {
    const knex = await databases.init(databaseId);
    const portal = await startAegisPortal({
      knex,
      extraUsers: ['newcomer'],
      aegisConfig,
    });
    const as = async (name: string) => {
      const token = await portal.userToken(name);
      const auth = (call: request.Test) =>
        call.set('Authorization', `Bearer ${token}`);
      return {
        get: (path: string) => auth(request(portal.server).get(path)),
        post: (path: string, body: object) =>
          auth(request(portal.server).post(path)).send(body),
        patch: (path: string, body: object) =>
          auth(request(portal.server).patch(path)).send(body),
      };
    };
    return { as };
  }

  it('gives members of child groups the roles mapped to the parent group', async () => {
    const { as } = await start();
    const ada = await as('ada.admin');

    const vic = await ada.get(userPath('vic.viewer'));

    expect(vic.status).toBe(200);
    expect(vic.body.roles).toEqual([
      {
        role: 'viewer',
        sources: [{ type: 'config', via: 'group:default/engineering' }],
      },
    ]);
  });

  it('combines config roles with roles bound by an admin, and the policy follows', async () => {
    const { as } = await start();
    const ada = await as('ada.admin');
    const bea = await as('bea.bluetech');
    expect(
      (await bea.get('/api/aegis/me')).body.permissions,
    ).not.toHaveProperty('aegis.test.red.validate');

    const changed = await ada.patch(userPath('bea.bluetech'), {
      roles: ['red_lead'],
    });

    expect(changed.status).toBe(200);
    expect(changed.body.roles).toEqual([
      { role: 'red_lead', sources: [{ type: 'binding' }] },
      {
        role: 'blue_tech',
        sources: [{ type: 'config', via: 'group:default/blue-analysts' }],
      },
    ]);
    const me = await bea.get('/api/aegis/me');
    expect(me.body.roles).toEqual(['red_lead', 'blue_tech']);
    expect(me.body.permissions['aegis.test.red.validate']).toBe('always');
  });

  it('denies every Aegis action to a deactivated user', async () => {
    const { as } = await start();
    const ada = await as('ada.admin');
    await ada.patch(userPath('rosa.redlead'), { roles: ['admin'] });
    const rosa = await as('rosa.redlead');
    expect((await rosa.get('/api/aegis/users')).status).toBe(200);

    const deactivated = await ada.patch(userPath('rosa.redlead'), {
      active: false,
    });

    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, roles: [] });
    const denied = await rosa.get('/api/aegis/users');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('aegis.user.read');
    expect((await rosa.get('/api/aegis/me')).body).toMatchObject({
      active: false,
      roles: [],
      permissions: {},
    });
  });

  it('refuses to remove the last active admin', async () => {
    const { as } = await start();
    const ada = await as('ada.admin');

    const selfDeactivation = await ada.patch(userPath('ada.admin'), {
      active: false,
    });
    expect(selfDeactivation.status).toBe(409);
    expect(selfDeactivation.body.error.message).toContain('last active admin');

    await ada.patch(userPath('rosa.redlead'), { roles: ['admin'] });
    expect(
      (await ada.patch(userPath('ada.admin'), { active: false })).status,
    ).toBe(200);
    const rosa = await as('rosa.redlead');
    const lastAdminDemotion = await rosa.patch(userPath('rosa.redlead'), {
      roles: [],
    });
    expect(lastAdminDemotion.status).toBe(409);
  });

  it('binds roles to a catalog user once, and refuses users not in the catalog', async () => {
    const { as } = await start();
    const ada = await as('ada.admin');

    const created = await ada.post('/api/aegis/users', {
      userEntityRef: ref('newcomer'),
      roles: ['blue_tech'],
    });
    expect(created.status).toBe(201);
    expect(created.body.roles).toEqual([
      { role: 'blue_tech', sources: [{ type: 'binding' }] },
    ]);

    const again = await ada.post('/api/aegis/users', {
      userEntityRef: ref('newcomer'),
      roles: ['viewer'],
    });
    expect(again.status).toBe(409);

    const stranger = await ada.post('/api/aegis/users', {
      userEntityRef: ref('mallory'),
      roles: ['viewer'],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toContain('userEntityRef');

    const badRole = await ada.post('/api/aegis/users', {
      userEntityRef: ref('newcomer'),
      roles: ['superuser'],
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toContain('roles.0');
  });

  it('writes who changed whose roles, before and after, to the audit log', async () => {
    const { as } = await start();
    const ada = await as('ada.admin');
    await ada.patch(userPath('vic.viewer'), { roles: ['red_tech'] });

    const audit = await ada.get(
      `/api/aegis/audit-log?entity_id=${encodeURIComponent(ref('vic.viewer'))}`,
    );

    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: ref('ada.admin'),
        action: 'user.update',
        entityType: 'user',
        entityId: ref('vic.viewer'),
        before: { active: true, boundRoles: [], roles: ['viewer'] },
        after: {
          active: true,
          boundRoles: ['red_tech'],
          roles: ['red_tech', 'viewer'],
        },
      }),
    ]);
  });

  it('lists users filtered by role and text', async () => {
    const { as } = await start();
    const ada = await as('ada.admin');

    const leads = await ada.get('/api/aegis/users?role=red_lead');
    const search = await ada.get('/api/aegis/users?search=BLUE');

    expect(leads.body.items.map((u: any) => u.userEntityRef)).toEqual([
      ref('rosa.redlead'),
    ]);
    expect(search.body.items.map((u: any) => u.userEntityRef)).toEqual([
      ref('bea.bluetech'),
      ref('bo.bluelead'),
    ]);
  });

  it('gives users without a role nothing, or the configured default role', async () => {
    const none = await start();
    const newcomer = await (await none.as('newcomer')).get('/api/aegis/me');
    expect(newcomer.body).toMatchObject({ roles: [], permissions: {} });

    const viewerByDefault = await start({
      roles: {},
      access: { defaultRole: 'viewer', policyCacheSeconds: 0 },
    });
    const me = await (
      await viewerByDefault.as('newcomer')
    ).get('/api/aegis/me');
    expect(me.body.roles).toEqual(['viewer']);
    expect(me.body.permissions['aegis.technique.read']).toBe('always');
    expect(me.body.permissions).not.toHaveProperty('aegis.evidence.download');
  });
});
