import {
  BlueWork,
  ControlOutcome,
  ControlResult,
  RedWork,
  Remediation,
  SecurityTestSummary,
  TestRound,
  TestSeverity,
  TestState,
  TestVote,
  VoteDecision,
} from '@aegis-security/plugin-aegis-common';
import { TestFacts } from './permissionRules';

/** A row of `aegis_tests`. */
export type TestRow = {
  id: string;
  title: string;
  description: string;
  platform: string;
  severity: TestSeverity;
  procedure: string;
  tools: string;
  expected_detection: string;
  tags: string;
  template_id: string | null;
  blind: boolean | number;
  revealed_at: string | null;
  state: TestState;
  round: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  remediation: string | null;
  remediation_status: string | null;
  remediation_owner: string | null;
};

/** A row of `aegis_test_rounds`. */
export type RoundRow = {
  test_id: string;
  round: number;
  red_executed_at: string | null;
  red_commands: string | null;
  red_result: string | null;
  red_notes: string | null;
  red_actors: string;
  red_submitted_at: string | null;
  red_submitted_by: string | null;
  blue_controls: string;
  blue_outcome: ControlResult | null;
  blue_alert_severity: TestSeverity | null;
  blue_detected_at: string | null;
  blue_detection_reference: string | null;
  blue_notes: string | null;
  blue_actors: string;
  blue_submitted_at: string | null;
  blue_submitted_by: string | null;
};

/** A row of `aegis_test_votes`. */
export type VoteRow = {
  test_id: string;
  round: number;
  side: 'red' | 'blue';
  decision: VoteDecision;
  comment: string;
  voter: string;
  voted_at: string;
  override_reason: string | null;
};

export function factsOf(row: TestRow): TestFacts {
  return {
    id: row.id,
    createdBy: row.created_by,
    blind: Boolean(row.blind),
    revealed: row.revealed_at !== null,
  };
}

export function toSummary(
  row: TestRow,
  techniques: string[],
  targets: string[],
  votedSides: Array<'red' | 'blue'>,
): SecurityTestSummary {
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    round: row.round,
    version: row.version,
    severity: row.severity,
    platform: row.platform,
    techniques,
    targets,
    tags: JSON.parse(row.tags),
    blind: Boolean(row.blind),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pendingValidation:
      row.state === 'in_review'
        ? (['red', 'blue'] as const).filter(side => !votedSides.includes(side))
        : [],
  };
}

export function toRound(row: RoundRow, votes: VoteRow[]): TestRound {
  const red: RedWork = {
    executedAt: row.red_executed_at ?? undefined,
    commands: row.red_commands ?? undefined,
    result: row.red_result ?? undefined,
    notes: row.red_notes ?? undefined,
    actors: JSON.parse(row.red_actors),
    submittedAt: row.red_submitted_at ?? undefined,
    submittedBy: row.red_submitted_by ?? undefined,
  };
  const blue: BlueWork = {
    controls: JSON.parse(row.blue_controls) as ControlOutcome[],
    outcome: row.blue_outcome ?? undefined,
    alertSeverity: row.blue_alert_severity ?? undefined,
    detectedAt: row.blue_detected_at ?? undefined,
    timeToDetectSeconds: secondsBetween(
      row.red_executed_at,
      row.blue_detected_at,
    ),
    detectionReference: row.blue_detection_reference ?? undefined,
    notes: row.blue_notes ?? undefined,
    actors: JSON.parse(row.blue_actors),
    submittedAt: row.blue_submitted_at ?? undefined,
    submittedBy: row.blue_submitted_by ?? undefined,
  };
  const bySide: TestRound['votes'] = {};
  for (const vote of votes) {
    bySide[vote.side] = toVote(vote);
  }
  return { round: row.round, red, blue, votes: bySide };
}

function toVote(row: VoteRow): TestVote {
  return {
    side: row.side,
    decision: row.decision,
    comment: row.comment,
    voter: row.voter,
    votedAt: row.voted_at,
    override: row.override_reason !== null,
    overrideReason: row.override_reason ?? undefined,
  };
}

export function toRemediation(row: TestRow): Remediation | undefined {
  return row.remediation ? JSON.parse(row.remediation) : undefined;
}

function secondsBetween(
  from: string | null,
  to: string | null,
): number | undefined {
  if (!from || !to) {
    return undefined;
  }
  return Math.round((Date.parse(to) - Date.parse(from)) / 1000);
}
