import {
  TEST_STATES,
  TeamActivity,
  TestPipeline,
  TestState,
  ValidationRate,
} from '@aegis-security/plugin-aegis-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { whereCriteria } from '../lib/sqlCriteria';
import { TestQuery } from '../tests/permissionRules';
import { percent } from '../lib/percent';

/** A window of whole days, both included, as YYYY-MM-DD. */
export interface DayWindow {
  from: string;
  to: string;
}

/**
 * Counts of the test pipeline and of who did what, in SQL over the tests
 * the caller may read.
 */
export class MetricsStore {
  constructor(private readonly db: Knex) {}

  /** How many tests are in each state, every state named. */
  async states(
    criteria?: PermissionCriteria<TestQuery>,
  ): Promise<Record<TestState, number>> {
    const rows = await this.tests(criteria)
      .select('aegis_tests.state')
      .select(this.db.raw('count(*) as count'))
      .groupBy('aegis_tests.state');
    const states = Object.fromEntries(
      TEST_STATES.map(state => [state, 0]),
    ) as Record<TestState, number>;
    for (const row of rows) {
      states[row.state as TestState] = Number(row.count);
    }
    return states;
  }

  async pipeline(
    criteria?: PermissionCriteria<TestQuery>,
  ): Promise<TestPipeline> {
    const round = (column: string) =>
      this.db('aegis_test_rounds as r')
        .select(this.db.raw('1'))
        .whereRaw('r.test_id = aegis_tests.id')
        .whereNotNull(`r.${column}`);
    const [states, [funnel]] = await Promise.all([
      this.states(criteria),
      this.tests(criteria).select(
        this.db.raw('count(*) as created'),
        this.db.raw(
          `sum(case when exists (${round(
            'red_submitted_at',
          ).toQuery()}) then 1 else 0 end) as red_submitted`,
        ),
        this.db.raw(
          `sum(case when exists (${round(
            'blue_submitted_at',
          ).toQuery()}) then 1 else 0 end) as blue_submitted`,
        ),
        this.db.raw(
          "sum(case when aegis_tests.state = 'validated' then 1 else 0 end) as validated",
        ),
      ),
    ]);

    return {
      states,
      funnel: (
        ['created', 'red_submitted', 'blue_submitted', 'validated'] as const
      ).map(stage => ({ stage, count: Number(funnel?.[stage] ?? 0) })),
    };
  }

  async teamActivity(
    window: DayWindow,
    criteria?: PermissionCriteria<TestQuery>,
  ): Promise<TeamActivity> {
    const [start, end] = bounds(window);
    const rounds = (side: 'red' | 'blue') =>
      this.tests(criteria)
        .join('aegis_test_rounds as r', 'r.test_id', 'aegis_tests.id')
        .select({ user: `r.${side}_submitted_by` })
        .select(this.db.raw('count(*) as count'))
        .where(`r.${side}_submitted_at`, '>=', start)
        .where(`r.${side}_submitted_at`, '<', end)
        .groupBy(`r.${side}_submitted_by`);
    const [created, red, blue, votes] = await Promise.all([
      this.tests(criteria)
        .select({ user: 'aegis_tests.created_by' })
        .select(this.db.raw('count(*) as count'))
        .where('aegis_tests.created_at', '>=', start)
        .where('aegis_tests.created_at', '<', end)
        .groupBy('aegis_tests.created_by'),
      rounds('red'),
      rounds('blue'),
      this.tests(criteria)
        .join('aegis_test_votes as v', 'v.test_id', 'aegis_tests.id')
        .select({ user: 'v.voter', side: 'v.side' })
        .select(this.db.raw('count(*) as count'))
        .where('v.voted_at', '>=', start)
        .where('v.voted_at', '<', end)
        .groupBy('v.voter', 'v.side'),
    ]);

    const users = new Map<string, TeamActivity['users'][number]>();
    const userOf = (userRef: string) => {
      const found = users.get(userRef) ?? {
        userRef,
        testsCreated: 0,
        redSubmissions: 0,
        blueSubmissions: 0,
        votes: 0,
      };
      users.set(userRef, found);
      return found;
    };
    const teams = {
      red: { actions: 0, users: new Set<string>() },
      blue: { actions: 0, users: new Set<string>() },
    };
    const count = (team: 'red' | 'blue', user: string, n: number) => {
      teams[team].actions += n;
      teams[team].users.add(user);
    };

    for (const row of created) {
      userOf(row.user).testsCreated += Number(row.count);
      count('red', row.user, Number(row.count));
    }
    for (const row of red) {
      userOf(row.user).redSubmissions += Number(row.count);
      count('red', row.user, Number(row.count));
    }
    for (const row of blue) {
      userOf(row.user).blueSubmissions += Number(row.count);
      count('blue', row.user, Number(row.count));
    }
    for (const row of votes) {
      userOf(row.user).votes += Number(row.count);
      count(row.side, row.user, Number(row.count));
    }

    return {
      ...window,
      teams: (['red', 'blue'] as const).map(team => ({
        team,
        actions: teams[team].actions,
        users: teams[team].users.size,
      })),
      users: [...users.values()].sort((a, b) =>
        a.userRef.localeCompare(b.userRef),
      ),
    };
  }

  async validationRate(
    window: Partial<DayWindow>,
    criteria?: PermissionCriteria<TestQuery>,
  ): Promise<ValidationRate> {
    const query = this.tests(criteria)
      .join('aegis_test_votes as v', 'v.test_id', 'aegis_tests.id')
      .select(
        { userRef: 'v.voter', side: 'v.side' },
        this.db.raw(
          "sum(case when v.decision = 'approve' then 1 else 0 end) as approvals",
        ),
        this.db.raw(
          "sum(case when v.decision = 'reject' then 1 else 0 end) as rejections",
        ),
      )
      .groupBy('v.voter', 'v.side')
      .orderBy([{ column: 'v.side', order: 'desc' }, { column: 'v.voter' }]);
    if (window.from) query.where('v.voted_at', '>=', bounds(window)[0]);
    if (window.to) query.where('v.voted_at', '<', bounds(window)[1]);

    return {
      from: window.from,
      to: window.to,
      leads: (await query).map(row => {
        const approvals = Number(row.approvals);
        const rejections = Number(row.rejections);
        const total = approvals + rejections;
        return {
          userRef: row.userRef,
          side: row.side,
          approvals,
          rejections,
          total,
          approvalRate: percent(approvals, total),
          rejectionRate: percent(rejections, total),
        };
      }),
    };
  }

  private tests(criteria?: PermissionCriteria<TestQuery>) {
    const query = this.db('aegis_tests');
    if (criteria) whereCriteria(query, criteria);
    return query;
  }
}

/** The first instant of `from` and the first instant after `to`. */
function bounds(window: Partial<DayWindow>): [string, string] {
  const start = window.from ? `${window.from}T00:00:00.000Z` : '';
  const end = window.to
    ? new Date(
        Date.parse(`${window.to}T00:00:00.000Z`) + 86_400_000,
      ).toISOString()
    : '';
  return [start, end];
}
