import type {
  ControlResult,
  TestAction,
  TestSection,
  TestState,
  VoteDecision,
} from './stateMachine';

/** @public */
export const TEST_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** @public */
export type TestSeverity = (typeof TEST_SEVERITIES)[number];

/** @public */
export const REMEDIATION_STATUSES = [
  'open',
  'in_progress',
  'done',
  'wont_fix',
] as const;

/** @public */
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

/**
 * What the red team did in one round of a test.
 *
 * @public
 */
export interface RedWork {
  executedAt?: string;
  commands?: string;
  result?: string;
  notes?: string;
  /** Everyone who started, edited or submitted the red side this round. */
  actors: string[];
  submittedAt?: string;
  submittedBy?: string;
}

/** @public */
export interface ControlOutcome {
  control: string;
  result: ControlResult;
}

/**
 * What the blue team saw in one round of a test.
 *
 * @public
 */
export interface BlueWork {
  controls: ControlOutcome[];
  /** The best result any control achieved. */
  outcome?: ControlResult;
  alertSeverity?: TestSeverity;
  detectedAt?: string;
  /** Seconds from red's execution to blue's detection, when both are known. */
  timeToDetectSeconds?: number;
  detectionReference?: string;
  notes?: string;
  /** Everyone who edited or submitted the blue side this round. */
  actors: string[];
  submittedAt?: string;
  submittedBy?: string;
}

/**
 * One lead's vote on one side of a test.
 *
 * @public
 */
export interface TestVote {
  side: 'red' | 'blue';
  decision: VoteDecision;
  comment: string;
  voter: string;
  votedAt: string;
  /** An admin voted in the lead's place; the reason says why. */
  override: boolean;
  overrideReason?: string;
}

/**
 * The red and blue work and the votes of one round; a reopen starts a new one.
 *
 * @public
 */
export interface TestRound {
  round: number;
  red: RedWork;
  blue: BlueWork;
  votes: { red?: TestVote; blue?: TestVote };
}

/** @public */
export interface RemediationStep {
  title: string;
  status: RemediationStatus;
}

/** @public */
export interface Remediation {
  status: RemediationStatus;
  /** A catalog user or group entity ref. */
  owner?: string;
  /** A calendar date, YYYY-MM-DD. */
  dueDate?: string;
  steps: RemediationStep[];
  updatedAt: string;
  updatedBy: string;
}

/**
 * A security test as listed.
 *
 * @public
 */
export interface SecurityTestSummary {
  id: string;
  title: string;
  state: TestState;
  round: number;
  version: number;
  severity: TestSeverity;
  platform: string;
  techniques: string[];
  targets: string[];
  tags: string[];
  blind: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The sides whose lead has not voted yet, while the test is in review. */
  pendingValidation: Array<'red' | 'blue'>;
}

/**
 * A security test with its current round, earlier rounds, remediation and
 * what the caller may do with it.
 *
 * @public
 */
export interface SecurityTest extends SecurityTestSummary {
  description: string;
  procedure: string;
  tools: string[];
  expectedDetection: string;
  templateId?: string;
  current: TestRound;
  /** Earlier rounds, oldest first; read-only. */
  history: TestRound[];
  remediation?: Remediation;
  /**
   * Techniques of this test that MITRE retired after it was mapped, with
   * the replacement of a revoked one: the test should be re-mapped.
   */
  remap: Array<{
    mitreId: string;
    reason: 'revoked' | 'deprecated';
    replacement?: string;
  }>;
  /** The state changes this caller may ask for now. */
  allowedActions: TestAction[];
  /** The sections this caller may edit now. */
  editableSections: TestSection[];
}

/** @public */
export interface SecurityTestPage {
  items: SecurityTestSummary[];
  total: number;
}

/** @public */
export interface ListTestsQuery {
  /** One state, or several separated by commas. */
  state?: string;
  technique?: string;
  platform?: string;
  creator?: string;
  target?: string;
  pending_validation_side?: 'red' | 'blue';
  /** Only tests whose general fields the caller may edit now. */
  editable?: boolean;
  /** Only tests mapped to a technique MITRE retired since. */
  needs_remap?: boolean;
  search?: string;
  sort?: 'created_at' | 'updated_at' | 'title' | 'severity';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** @public */
export interface CreateTestRequest {
  title: string;
  description?: string;
  techniques: string[];
  platform: string;
  targets?: string[];
  severity: TestSeverity;
  procedure?: string;
  tools?: string[];
  expectedDetection?: string;
  tags?: string[];
  templateId?: string;
  blind?: boolean;
}

/**
 * A general update; `version` is the version the caller read.
 *
 * @public
 */
export type UpdateTestRequest = Partial<CreateTestRequest> & {
  version: number;
};

/** @public */
export interface UpdateRedRequest {
  version: number;
  executedAt?: string | null;
  commands?: string | null;
  result?: string | null;
  notes?: string | null;
}

/** @public */
export interface UpdateBlueRequest {
  version: number;
  controls?: ControlOutcome[];
  alertSeverity?: TestSeverity | null;
  detectedAt?: string | null;
  detectionReference?: string | null;
  notes?: string | null;
}

/** @public */
export interface UpdateRemediationRequest {
  version: number;
  status: RemediationStatus;
  owner?: string | null;
  dueDate?: string | null;
  steps?: RemediationStep[];
}

/** @public */
export interface VoteRequest {
  decision: VoteDecision;
  comment: string;
  /** Required when an admin votes in a lead's place. */
  overrideReason?: string;
}

/**
 * One entry of a test's timeline, from the audit log.
 *
 * @public
 */
export interface TimelineEntry {
  id: number;
  occurredAt: string;
  actor: string;
  action: string;
  before?: unknown;
  after?: unknown;
}
