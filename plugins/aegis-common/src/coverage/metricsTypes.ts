import type { AttackDomain } from '../attackTypes';
import type { SecurityTestSummary } from '../workflow/testTypes';
import type { TestState } from '../workflow/stateMachine';
import type { CoverageCounts, TacticCoverage } from './types';

/**
 * `GET /api/aegis/metrics/summary`.
 *
 * @public
 */
export interface MetricsSummary {
  generatedAt: string;
  domains: AttackDomain[];
  coverage: CoverageCounts;
  tests: { total: number; open: number; validated: number; rejected: number };
  /** Days after which a validation is flagged stale. */
  maxAgeDays: number;
}

/**
 * `GET /api/aegis/metrics/by-tactic`: tactics in matrix order.
 *
 * @public
 */
export interface MetricsByTactic {
  items: TacticCoverage[];
}

/**
 * `GET /api/aegis/metrics/test-pipeline`: tests per state, and how many
 * reached each stage of the workflow.
 *
 * @public
 */
export interface TestPipeline {
  states: Record<TestState, number>;
  funnel: Array<{
    stage: 'created' | 'red_submitted' | 'blue_submitted' | 'validated';
    count: number;
  }>;
}

/**
 * `GET /api/aegis/metrics/team-activity`: what each team and user did over a
 * window of days.
 *
 * @public
 */
export interface TeamActivity {
  from: string;
  to: string;
  teams: Array<{ team: 'red' | 'blue'; actions: number; users: number }>;
  users: Array<{
    userRef: string;
    testsCreated: number;
    redSubmissions: number;
    blueSubmissions: number;
    votes: number;
  }>;
}

/**
 * `GET /api/aegis/metrics/validation-rate`: approvals and rejections of each
 * lead, in percent of their votes.
 *
 * @public
 */
export interface ValidationRate {
  from?: string;
  to?: string;
  leads: Array<{
    userRef: string;
    side: 'red' | 'blue';
    approvals: number;
    rejections: number;
    total: number;
    approvalRate: number;
    rejectionRate: number;
  }>;
}

/**
 * `GET /api/aegis/metrics/recent-tests`: the ten tests changed last.
 *
 * @public
 */
export interface RecentTests {
  items: SecurityTestSummary[];
}

/**
 * `GET /api/aegis/metrics/trend`: one coverage snapshot per day.
 *
 * @public
 */
export interface CoverageTrend {
  from: string;
  to: string;
  points: Array<{ day: string; counts: CoverageCounts }>;
}
