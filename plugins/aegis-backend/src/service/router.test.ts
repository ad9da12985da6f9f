import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startAegisBackend } from '../__testUtils__/startAegisBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const userToken = mockCredentials.user.header('user:default/ada.admin');

describe.each(databases.eachSupportedId())('Aegis API on %p', databaseId => {
  it('answers the health check without credentials after reaching the database', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({ knex });

    const response = await request(server).get('/api/aegis/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers 503 from the health check when the database is gone', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({ knex });
    await knex.destroy();

    const response = await request(server).get('/api/aegis/health');

    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(/database/);
  });

  it('serves its OpenAPI document without credentials', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({ knex });

    const response = await request(server).get('/api/aegis/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/audit-log');
  });

  it('refuses the audit log to callers without credentials', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({ knex });

    const response = await request(server).get('/api/aegis/audit-log');

    expect(response.status).toBe(401);
    expect(response.body.error.name).toBe('AuthenticationError');
  });

  it('names the permission when the policy denies', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({
      knex,
      permissionResult: AuthorizeResult.DENY,
    });

    const response = await request(server)
      .get('/api/aegis/audit-log')
      .set('Authorization', userToken);

    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
    expect(response.body.error.message).toContain('aegis.audit.read');
  });

  it('rejects bad query values with a 400 that names each field', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({ knex });

    const response = await request(server)
      .get('/api/aegis/audit-log?limit=0&from=yesterday')
      .set('Authorization', userToken);

    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toContain('limit:');
    expect(response.body.error.message).toContain('from:');
  });

  it('rejects unknown query parameters by name', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({ knex });

    const response = await request(server)
      .get('/api/aegis/audit-log?colour=red')
      .set('Authorization', userToken);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("unknown field 'colour'");
  });

  it('lists audit entries with paging information', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startAegisBackend({ knex });
    await knex('aegis_audit_log').insert({
      occurred_at: new Date().toISOString(),
      actor: 'user:default/ada.admin',
      action: 'role.create',
      entity_type: 'user',
      entity_id: 'user:default/rex.redtech',
      after: JSON.stringify({ roles: ['red_tech'] }),
    });

    const response = await request(server)
      .get('/api/aegis/audit-log?action=role.create&limit=5')
      .set('Authorization', userToken);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      total: 1,
      limit: 5,
      offset: 0,
      items: [
        {
          actor: 'user:default/ada.admin',
          action: 'role.create',
          entityType: 'user',
          entityId: 'user:default/rex.redtech',
          after: { roles: ['red_tech'] },
        },
      ],
    });
  });
});

describe('Aegis plugin start-up', () => {
  it('refuses to start when the permission framework is disabled', async () => {
    const knex = await databases.init('SQLITE_3');

    await expect(
      startAegisBackend({ knex, config: { permission: { enabled: false } } }),
    ).rejects.toThrow(/permission\.enabled/);
  });
});
