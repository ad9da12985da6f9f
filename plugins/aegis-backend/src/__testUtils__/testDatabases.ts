import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases every Aegis database test runs on: SQLite always, and
 * PostgreSQL 15 when its connection string is set (scripts/test.sh sets it,
 * and fails under CI when PostgreSQL does not answer).
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING) {
    ids.unshift('POSTGRES_15');
  }
  return TestDatabases.create({ ids, disableDocker: true });
}
