import { aegisTestReadPermission } from '@aegis-security/plugin-aegis-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { TestQuery } from '../tests/permissionRules';
import { RouteContext } from '../service/types';

/** Which tests a coverage figure counts. */
export interface CoverageScope {
  /** The tests the caller may read, as SQL; absent: every test. */
  tests?: PermissionCriteria<TestQuery>;
  /** Only tests run against one of these entities (lower-case refs). */
  entityRefs?: string[];
  /**
   * The scope as plain data, for the keys of the read cache: `tests` is
   * made of SQL functions, which no key can hold.
   */
  key: unknown;
}

/** Matches no test: for callers denied every test. */
const NO_TEST: TestQuery = query => query.whereRaw('1 = 0');

/**
 * What everyone may see: every test but the blind ones red has not
 * submitted yet. The catalog's entities and the daily trend snapshots, which
 * every signed-in user reads, count these tests.
 */
export const PUBLIC_SCOPE: CoverageScope = {
  key: 'public',
  tests: {
    not: query =>
      query
        .where('aegis_tests.blind', true)
        .whereNull('aegis_tests.revealed_at'),
  },
};

/**
 * The coverage scope of a caller: the tests its read permission allows (a
 * conditional decision becomes SQL, so that blind tests stay out of what
 * blue roles see), and those run against an entity when one is named.
 */
export async function coverageScopeFor(
  context: Pick<RouteContext, 'testAccess' | 'entityScope'>,
  credentials: BackstageCredentials,
  entityRef?: string,
): Promise<CoverageScope> {
  const [decisions, entityRefs] = await Promise.all([
    context.testAccess.decide(credentials),
    entityRef ? context.entityScope.refsOf(entityRef) : undefined,
  ]);
  const tests = decisions.deniesAll(aegisTestReadPermission)
    ? NO_TEST
    : decisions.criteriaFor(aegisTestReadPermission);
  return {
    tests,
    entityRefs,
    key: [decisions.cacheKey(aegisTestReadPermission), entityRefs ?? null],
  };
}
