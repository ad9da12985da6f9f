import {
  AttackDomain,
  ControlResult,
  RemediationRow,
  RemediationStatus,
  TestResultRow,
  TestState,
} from '@aegis-security/plugin-aegis-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { whereCriteria } from '../lib/sqlCriteria';
import { TestQuery } from '../tests/permissionRules';
import {
  REMEDIATION_COLUMNS,
  remediationRowOf,
} from '../tests/remediationRows';
import { TestRow } from '../tests/rows';

/** Tests a report covers; the criteria come from the read permission. */
export interface ReportTestFilter {
  criteria?: PermissionCriteria<TestQuery>;
}

/** `updated_at` bounds, as ISO 8601 UTC timestamps. */
export interface UpdatedBetween {
  from?: string;
  /** Inclusive upper bound. */
  to?: string;
  /** Exclusive upper bound: the day after a date-only `date_to`. */
  before?: string;
}

type ResultRow = Pick<
  TestRow,
  | 'id'
  | 'title'
  | 'state'
  | 'platform'
  | 'severity'
  | 'blind'
  | 'round'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
> & {
  validated_at: string | null;
  red_submitted_at: string | null;
  blue_submitted_at: string | null;
  blue_outcome: ControlResult | null;
};

/** The SQL of the test and remediation reports; every filter runs there. */
export class ReportQueries {
  constructor(private readonly db: Knex) {}

  /** Tests with the outcome of their current round, newest change first. */
  async testResults(
    filter: ReportTestFilter & { state?: TestState; updated?: UpdatedBetween },
  ): Promise<TestResultRow[]> {
    const tests = this.visibleTests(filter);
    if (filter.state) {
      tests.where('aegis_tests.state', filter.state);
    }
    const { from, to, before } = filter.updated ?? {};
    if (from) tests.where('aegis_tests.updated_at', '>=', from);
    if (to) tests.where('aegis_tests.updated_at', '<=', to);
    if (before) tests.where('aegis_tests.updated_at', '<', before);

    const rows: ResultRow[] = await tests
      .clone()
      .leftJoin('aegis_test_rounds as current_round', join =>
        join
          .on('current_round.test_id', '=', 'aegis_tests.id')
          .andOn('current_round.round', '=', 'aegis_tests.round'),
      )
      .orderBy('aegis_tests.updated_at', 'desc')
      .orderBy('aegis_tests.id', 'asc')
      .select(
        'aegis_tests.id',
        'aegis_tests.title',
        'aegis_tests.state',
        'aegis_tests.platform',
        'aegis_tests.severity',
        'aegis_tests.blind',
        'aegis_tests.round',
        'aegis_tests.created_by',
        'aegis_tests.created_at',
        'aegis_tests.updated_at',
        'aegis_tests.validated_at',
        'current_round.red_submitted_at',
        'current_round.blue_submitted_at',
        'current_round.blue_outcome',
      );
    const links = await this.linksOf(tests);

    return rows.map(row => ({
      id: row.id,
      title: row.title,
      state: row.state,
      platform: row.platform,
      severity: row.severity,
      blind: Boolean(row.blind),
      round: row.round,
      techniques: links.techniques.get(row.id) ?? [],
      targets: links.targets.get(row.id) ?? [],
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      redSubmittedAt: row.red_submitted_at ?? undefined,
      blueSubmittedAt: row.blue_submitted_at ?? undefined,
      outcome: row.blue_outcome ?? undefined,
      validatedAt: row.validated_at ?? undefined,
    }));
  }

  /**
   * Tests with a remediation plan; unfinished plans past their due date
   * (before `today`, YYYY-MM-DD) are overdue. Earliest due date first.
   */
  async remediation(
    filter: ReportTestFilter & { status?: RemediationStatus; today: string },
  ): Promise<RemediationRow[]> {
    const tests = this.visibleTests(filter).whereNotNull(
      'aegis_tests.remediation',
    );
    if (filter.status) {
      tests.where('aegis_tests.remediation_status', filter.status);
    }

    const rows: Array<Parameters<typeof remediationRowOf>[0]> = await tests
      .clone()
      .select(REMEDIATION_COLUMNS);
    const links = await this.linksOf(tests);

    const items = rows.map(row =>
      remediationRowOf(row, links.techniques.get(row.id) ?? [], filter.today),
    );
    // The whole report is read at once: ordering here pages nothing.
    return items.sort(
      (a, b) =>
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        b.updatedAt.localeCompare(a.updatedAt) ||
        a.testId.localeCompare(b.testId),
    );
  }

  /** The ATT&CK release of the domain's latest successful sync. */
  async attackRelease(domain: AttackDomain): Promise<string | undefined> {
    const row: { release: string } | undefined = await this.db(
      'aegis_attack_sync_runs',
    )
      .where({ domain, outcome: 'succeeded' })
      .whereNotNull('release')
      .orderBy('id', 'desc')
      .first('release');
    return row?.release;
  }

  /** Whether a tactic shortname exists in the knowledge base. */
  async tacticExists(shortname: string, domains: AttackDomain[]) {
    const row = await this.db('aegis_attack_tactics')
      .whereIn('domain', domains)
      .where({ shortname })
      .first('shortname');
    return row !== undefined;
  }

  /**
   * A platform as the domains' ATT&CK techniques spell it, matched without
   * regard to case, if any technique names it.
   */
  async attackPlatform(
    domains: AttackDomain[],
    platform: string,
  ): Promise<string | undefined> {
    const row: { platform: string } | undefined = await this.db(
      'aegis_attack_technique_platforms',
    )
      .join(
        'aegis_attack_techniques',
        'aegis_attack_techniques.mitre_id',
        'aegis_attack_technique_platforms.mitre_id',
      )
      .whereIn('aegis_attack_techniques.domain', domains)
      .whereRaw('lower(aegis_attack_technique_platforms.platform) = ?', [
        platform.toLocaleLowerCase('en-US'),
      ])
      .first('aegis_attack_technique_platforms.platform');
    return row?.platform;
  }

  private visibleTests(filter: ReportTestFilter): Knex.QueryBuilder {
    const query = this.db('aegis_tests');
    if (filter.criteria) {
      whereCriteria(query, filter.criteria);
    }
    return query;
  }

  /** Techniques and targets of the tests a query selects, by test id. */
  private async linksOf(tests: Knex.QueryBuilder) {
    const ids = tests.clone().select('aegis_tests.id');
    const [techniques, targets] = await Promise.all([
      this.db('aegis_test_techniques')
        .whereIn('test_id', ids)
        .orderBy(['test_id', 'mitre_id'])
        .select('test_id', 'mitre_id as value'),
      this.db('aegis_test_targets')
        .whereIn('test_id', ids)
        .orderBy(['test_id', 'entity_ref'])
        .select('test_id', 'entity_ref as value'),
    ]);
    return { techniques: byTest(techniques), targets: byTest(targets) };
  }
}

function byTest(rows: Array<{ test_id: string; value: string }>) {
  const grouped = new Map<string, string[]>();
  for (const row of rows) {
    const values = grouped.get(row.test_id) ?? [];
    values.push(row.value);
    grouped.set(row.test_id, values);
  }
  return grouped;
}
