import type { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  AEGIS_TEST_RESOURCE_TYPE,
  aegisTestBlueSubmitPermission,
  aegisTestBlueUpdatePermission,
  aegisTestBlueValidatePermission,
  aegisTestRedExecutePermission,
  aegisTestRedSubmitPermission,
  aegisTestRedUpdatePermission,
  aegisTestRedValidatePermission,
  aegisTestRemediationUpdatePermission,
  aegisTestReopenPermission,
  aegisTestUpdatePermission,
} from '../permissions';

/**
 * The states of a security test, in the order a test passes through them.
 *
 * @public
 */
export const TEST_STATES = [
  'draft',
  'red_executing',
  'blue_evaluating',
  'in_review',
  'validated',
  'rejected',
] as const;

/** @public */
export type TestState = (typeof TEST_STATES)[number];

/**
 * The state changes a caller can ask for, each an endpoint
 * `POST /tests/{id}/{action}`.
 *
 * @public
 */
export const TEST_ACTIONS = [
  'start-execution',
  'submit-red',
  'submit-blue',
  'validate-red',
  'validate-blue',
  'reopen',
] as const;

/** @public */
export type TestAction = (typeof TEST_ACTIONS)[number];

/**
 * Where an action may start from, where it leads and the permission it needs.
 * A vote leaves the state to the two votes together: see {@link stateAfterVotes}.
 *
 * @public
 */
export interface TestTransition {
  from: TestState;
  to: TestState | 'decided-by-votes';
  permission: ResourcePermission<typeof AEGIS_TEST_RESOURCE_TYPE>;
}

/**
 * The state machine of security tests, used by the backend to enforce it and
 * by the frontend to offer only the actions that apply.
 *
 * @public
 */
export const TEST_TRANSITIONS: Record<TestAction, TestTransition> = {
  'start-execution': {
    from: 'draft',
    to: 'red_executing',
    permission: aegisTestRedExecutePermission,
  },
  'submit-red': {
    from: 'red_executing',
    to: 'blue_evaluating',
    permission: aegisTestRedSubmitPermission,
  },
  'submit-blue': {
    from: 'blue_evaluating',
    to: 'in_review',
    permission: aegisTestBlueSubmitPermission,
  },
  'validate-red': {
    from: 'in_review',
    to: 'decided-by-votes',
    permission: aegisTestRedValidatePermission,
  },
  'validate-blue': {
    from: 'in_review',
    to: 'decided-by-votes',
    permission: aegisTestBlueValidatePermission,
  },
  reopen: {
    from: 'rejected',
    to: 'draft',
    permission: aegisTestReopenPermission,
  },
};

/**
 * The parts of a test that are edited separately, each with the states in
 * which it may change and the permission it needs.
 *
 * @public
 */
export const TEST_SECTIONS = ['general', 'red', 'blue', 'remediation'] as const;

/** @public */
export type TestSection = (typeof TEST_SECTIONS)[number];

/** @public */
export const TEST_SECTION_RULES: Record<
  TestSection,
  {
    states: readonly TestState[];
    permission: ResourcePermission<typeof AEGIS_TEST_RESOURCE_TYPE>;
  }
> = {
  general: {
    states: ['draft', 'rejected'],
    permission: aegisTestUpdatePermission,
  },
  red: {
    states: ['draft', 'red_executing'],
    permission: aegisTestRedUpdatePermission,
  },
  blue: {
    states: ['blue_evaluating'],
    permission: aegisTestBlueUpdatePermission,
  },
  remediation: {
    states: TEST_STATES,
    permission: aegisTestRemediationUpdatePermission,
  },
};

/**
 * The actions that may start from a state, whoever asks.
 *
 * @public
 */
export function actionsFrom(state: TestState): TestAction[] {
  return TEST_ACTIONS.filter(action => TEST_TRANSITIONS[action].from === state);
}

/**
 * Whether a section of a test may change in a state, whoever asks.
 *
 * @public
 */
export function sectionEditableIn(
  section: TestSection,
  state: TestState,
): boolean {
  return TEST_SECTION_RULES[section].states.includes(state);
}

/** @public */
export type VoteDecision = 'approve' | 'reject';

/**
 * The state that two leads' votes lead to: both approve, validated; either
 * rejects, rejected; otherwise the test stays in review.
 *
 * @public
 */
export function stateAfterVotes(votes: {
  red?: VoteDecision;
  blue?: VoteDecision;
}): TestState {
  if (votes.red === 'reject' || votes.blue === 'reject') {
    return 'rejected';
  }
  if (votes.red === 'approve' && votes.blue === 'approve') {
    return 'validated';
  }
  return 'in_review';
}

/**
 * What one defensive control did about an attack, from the best outcome for
 * the defence to the worst.
 *
 * @public
 */
export const CONTROL_RESULTS = [
  'blocked',
  'alerted',
  'logged',
  'not_detected',
] as const;

/** @public */
export type ControlResult = (typeof CONTROL_RESULTS)[number];

/**
 * The overall blue outcome of a test: the best that any of its controls
 * achieved, or undefined while no control is recorded.
 *
 * @public
 */
export function overallOutcome(
  controls: ReadonlyArray<{ result: ControlResult }>,
): ControlResult | undefined {
  let best: number | undefined;
  for (const { result } of controls) {
    const rank = CONTROL_RESULTS.indexOf(result);
    if (best === undefined || rank < best) {
      best = rank;
    }
  }
  return best === undefined ? undefined : CONTROL_RESULTS[best];
}
