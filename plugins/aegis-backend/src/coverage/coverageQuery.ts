import { ControlResult, CoverageStatus } from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { whereCriteria } from '../lib/sqlCriteria';
import { CoverageScope } from './scope';

/** States in which a test is being run or reviewed. */
export const IN_PROGRESS_STATES = ['red_executing', 'blue_evaluating', 'in_review'];

/**
 * The coverage of one technique on one platform, as the SQL decides it from
 * the tests the scope counts.
 */
export interface PlatformCoverageRow {
  mitreId: string;
  platform: string;
  total: number;
  validated: number;
  inProgress: number;
  /** Best control result of each validated test, counted. */
  outcomes: Partial<Record<ControlResult, number>>;
  status: CoverageStatus;
  confirmedGap: boolean;
  stale: boolean;
  /** When the deciding test was validated. */
  lastValidatedAt?: string;
  decidingTestId?: string;
  outcome?: ControlResult;
}

export interface PlatformCoverageQuery {
  scope: CoverageScope;
  /** Only tests of this platform, as ATT&CK spells it. */
  platform?: string;
  /** Validations before this instant (ISO 8601) are stale. */
  staleBefore: string;
}

type RawRow = {
  mitre_id: string;
  platform: string;
  total: number | string;
  validated: number | string;
  in_progress: number | string;
  blocked: number | string;
  alerted: number | string;
  logged: number | string;
  not_detected: number | string;
  deciding_test_id: string | null;
  deciding_outcome: ControlResult | null;
  deciding_at: string | null;
  status: CoverageStatus;
  confirmed_gap: number | string | boolean;
  stale: number | string | boolean;
};

const OUTCOME_COLUMNS = ['blocked', 'alerted', 'logged', 'not_detected'] as const;

/**
 * The coverage rules, in SQL. Per technique and platform, the most recent
 * validated test decides, by the best result of its controls (kept on its
 * current round): blocked or alerted, `validated`; only logged, `partial`;
 * not detected, `not_covered` and a confirmed gap, which stays a gap while a
 * retest runs. Without a validated test: `in_progress` while a test is run
 * or reviewed, else `not_covered`. A validated or partial status decided by
 * a validation older than `staleBefore` is stale.
 *
 * Only the tests of the scope count (the caller's read permission and the
 * entity, as SQL), and only technique and platform pairs that have a test
 * come back: every other pair is `not_covered`.
 */
export async function queryPlatformCoverage(
  db: Knex,
  query: PlatformCoverageQuery,
): Promise<PlatformCoverageRow[]> {
  const links = db('aegis_test_techniques as tt')
    .join('aegis_tests', 'aegis_tests.id', 'tt.test_id')
    .leftJoin('aegis_test_rounds as r', join =>
      join
        .on('r.test_id', '=', 'aegis_tests.id')
        .andOn('r.round', '=', 'aegis_tests.round'),
    )
    .select(
      'tt.mitre_id',
      'aegis_tests.platform',
      'aegis_tests.id as test_id',
      'aegis_tests.state',
      db.raw("coalesce(aegis_tests.validated_at, '') as validated_at"),
      'r.blue_outcome as outcome',
    );
  if (query.scope.tests) {
    whereCriteria(links, query.scope.tests);
  }
  if (query.platform) {
    links.whereRaw('lower(aegis_tests.platform) = ?', [
      query.platform.toLocaleLowerCase('en-US'),
    ]);
  }
  if (query.scope.entityRefs) {
    links.whereExists(
      db('aegis_test_targets as target')
        .select(db.raw('1'))
        .whereRaw('target.test_id = aegis_tests.id')
        .whereIn('target.entity_ref', query.scope.entityRefs),
    );
  }

  const decided = db('links')
    .where('state', 'validated')
    .select(
      'mitre_id',
      'platform',
      'test_id',
      'validated_at',
      'outcome',
      db.raw(
        'row_number() over (partition by mitre_id, platform order by validated_at desc, test_id desc) as position',
      ),
    );

  const count = (condition: string) =>
    db.raw(`sum(case when ${condition} then 1 else 0 end)`);
  const totals = db('links')
    .groupBy('mitre_id', 'platform')
    .select('mitre_id', 'platform', db.raw('count(*) as total'), {
      validated: count("state = 'validated'"),
      in_progress: count(
        `state in (${IN_PROGRESS_STATES.map(s => `'${s}'`).join(', ')})`,
      ),
      ...Object.fromEntries(
        OUTCOME_COLUMNS.map(outcome => [
          outcome,
          count(`state = 'validated' and outcome = '${outcome}'`),
        ]),
      ),
    });

  const rows: RawRow[] = await db
    .with('links', links)
    .with('decided', decided)
    .with('totals', totals)
    .from('totals')
    .leftJoin('decided', join =>
      join
        .on('decided.mitre_id', '=', 'totals.mitre_id')
        .andOn('decided.platform', '=', 'totals.platform')
        .andOnVal('decided.position', '=', 1),
    )
    .select(
      'totals.*',
      'decided.test_id as deciding_test_id',
      'decided.outcome as deciding_outcome',
      'decided.validated_at as deciding_at',
      db.raw(
        `case
          when decided.test_id is null and totals.in_progress > 0 then 'in_progress'
          when decided.outcome in ('blocked', 'alerted') then 'validated'
          when decided.outcome = 'logged' then 'partial'
          else 'not_covered'
        end as status`,
      ),
      db.raw(
        "case when decided.outcome = 'not_detected' then 1 else 0 end as confirmed_gap",
      ),
      db.raw(
        `case when decided.outcome in ('blocked', 'alerted', 'logged')
          and decided.validated_at < ? then 1 else 0 end as stale`,
        [query.staleBefore],
      ),
    );

  return rows.map(row => {
    const outcomes: PlatformCoverageRow['outcomes'] = {};
    for (const outcome of OUTCOME_COLUMNS) {
      const n = Number(row[outcome]);
      if (n) outcomes[outcome] = n;
    }
    return {
      mitreId: row.mitre_id,
      platform: row.platform,
      total: Number(row.total),
      validated: Number(row.validated),
      inProgress: Number(row.in_progress),
      outcomes,
      status: row.status,
      confirmedGap: Number(row.confirmed_gap) === 1,
      stale: Number(row.stale) === 1,
      lastValidatedAt: row.deciding_at || undefined,
      decidingTestId: row.deciding_test_id ?? undefined,
      outcome: row.deciding_outcome ?? undefined,
    };
  });
}
