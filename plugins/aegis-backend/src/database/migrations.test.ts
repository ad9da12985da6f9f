import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations, rollbackAllMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const AEGIS_TABLES = [
  'aegis_audit_log',
  'aegis_role_bindings',
  'aegis_users',
  'aegis_attack_sync_runs',
  'aegis_attack_tactics',
  'aegis_attack_techniques',
  'aegis_attack_technique_tactics',
  'aegis_attack_technique_platforms',
  'aegis_attack_technique_changes',
  'aegis_tests',
  'aegis_test_rounds',
  'aegis_test_votes',
  'aegis_test_techniques',
  'aegis_test_targets',
  'aegis_evidence',
  'aegis_evidence_uploads',
  'aegis_templates',
];

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('creates every table going up and removes them all going down', async () => {
    const knex = await databases.init(databaseId);

    await applyMigrations({ getClient: async () => knex }, knex);
    for (const table of AEGIS_TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }

    await rollbackAllMigrations(knex);
    for (const table of AEGIS_TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }

    // Up again after a full rollback: the down steps leave nothing behind.
    await applyMigrations({ getClient: async () => knex }, knex);
    expect(await knex.schema.hasTable('aegis_audit_log')).toBe(true);
  });

  it('skips migrations when the database config says so', async () => {
    const knex = await databases.init(databaseId);

    await applyMigrations(
      { getClient: async () => knex, migrations: { skip: true } },
      knex,
    );

    expect(await knex.schema.hasTable('aegis_audit_log')).toBe(false);
  });

  it('refuses to update or delete audit log rows', async () => {
    const knex = await databases.init(databaseId);
    await applyMigrations({ getClient: async () => knex }, knex);
    await knex('aegis_audit_log').insert({
      actor: 'user:default/ada.admin',
      action: 'role.create',
      entity_type: 'user',
      entity_id: 'user:default/rex.redtech',
    });

    // The SQLite driver's errors come from outside Jest's realm, so they are
    // matched by message rather than with toThrow.
    const refusal = { message: expect.stringMatching(/append-only/) };
    await expect(
      knex('aegis_audit_log').update({ actor: 'someone-else' }).then(),
    ).rejects.toMatchObject(refusal);
    await expect(knex('aegis_audit_log').delete().then()).rejects.toMatchObject(
      refusal,
    );
    const [{ count }] = await knex('aegis_audit_log').count({ count: '*' });
    expect(Number(count)).toBe(1);
  });
});
