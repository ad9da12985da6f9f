import type { RemediationStatus, SecurityTestSummary, TestSeverity } from '../workflow/testTypes';
import type { ControlResult, TestState } from '../workflow/stateMachine';
import type {
  CoverageCounts,
  CoverageFilter,
  TacticCoverage,
  TechniqueCoverage,
} from './types';

/**
 * `GET /api/aegis/reports/coverage-summary`.
 *
 * @public
 */
export interface CoverageReport {
  generatedAt: string;
  /** The filters applied, the platform spelled as ATT&CK does. */
  filters: CoverageFilter;
  counts: CoverageCounts;
  byTactic: TacticCoverage[];
  byPlatform: Array<{ platform: string; counts: CoverageCounts }>;
  /** Every active technique and sub-technique that matches the filters. */
  techniques: TechniqueCoverage[];
}

/**
 * A test as the test results report lists it.
 *
 * @public
 */
export interface TestResultRow {
  id: string;
  title: string;
  state: TestState;
  platform: string;
  severity: TestSeverity;
  blind: boolean;
  round: number;
  techniques: string[];
  targets: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  redSubmittedAt?: string;
  blueSubmittedAt?: string;
  /** The best control result of the current round. */
  outcome?: ControlResult;
  validatedAt?: string;
}

/**
 * `GET /api/aegis/reports/test-results`.
 *
 * @public
 */
export interface TestResultsReport {
  generatedAt: string;
  filters: { state?: TestState; date_from?: string; date_to?: string };
  items: TestResultRow[];
}

/**
 * A test's remediation plan as reports list it.
 *
 * @public
 */
export interface RemediationRow {
  testId: string;
  title: string;
  testState: TestState;
  status: RemediationStatus;
  owner?: string;
  dueDate?: string;
  /** Due before today (UTC) and neither done nor won't fix. */
  overdue: boolean;
  stepsDone: number;
  stepsTotal: number;
  techniques: string[];
  updatedAt: string;
}

/**
 * `GET /api/aegis/reports/remediation-status`.
 *
 * @public
 */
export interface RemediationReport {
  generatedAt: string;
  filters: { status?: RemediationStatus };
  items: RemediationRow[];
}

/**
 * `GET /api/aegis/coverage?entityRef=`: how a catalog entity stands.
 *
 * @public
 */
export interface EntityCoverage {
  entityRef: string;
  /** The entity and, for a System, its Components: whose tests count. */
  entityRefs: string[];
  /**
   * Over the techniques tested against the entity, a sub-technique through
   * its parent, as in every other count.
   */
  counts: CoverageCounts;
  byTactic: TacticCoverage[];
  /**
   * The techniques and sub-techniques tested against the entity, and the
   * parents of those sub-techniques, with their status there.
   */
  techniques: TechniqueCoverage[];
  tests: SecurityTestSummary[];
  openRemediation: RemediationRow[];
  lastValidation?: { testId: string; title: string; at: string };
}
