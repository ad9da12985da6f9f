import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@aegis-security/plugin-aegis-backend',
  'migrations',
);

/**
 * Brings the Aegis schema up to date, unless the portal's database config
 * says migrations are run separately.
 */
export async function applyMigrations(
  database: DatabaseService,
  client: Knex,
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  await client.migrate.latest({ directory: migrationsDir });
}

/** Rolls every Aegis migration back; for tests of the `down` steps. */
export async function rollbackAllMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}
