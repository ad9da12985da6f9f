import type {
  ControlResult,
  RemediationStatus,
  TestAction,
  TestSeverity,
  TestState,
} from '@aegis-security/plugin-aegis-common';

/** How each state of a security test is named on screen. */
export const STATE_LABELS: Record<TestState, string> = {
  draft: 'Draft',
  red_executing: 'Red executing',
  blue_evaluating: 'Blue evaluating',
  in_review: 'In review',
  validated: 'Validated',
  rejected: 'Rejected',
};

/** How each action on a security test is named on its button. */
export const ACTION_LABELS: Record<TestAction, string> = {
  'start-execution': 'Start execution',
  'submit-red': 'Submit red',
  'submit-blue': 'Submit blue',
  'validate-red': 'Vote for red',
  'validate-blue': 'Vote for blue',
  reopen: 'Reopen',
};

/** How each control result is named on screen. */
export const CONTROL_RESULT_LABELS: Record<ControlResult, string> = {
  blocked: 'Blocked',
  alerted: 'Alerted',
  logged: 'Logged',
  not_detected: 'Not detected',
};

/** How each severity is named on screen. */
export const SEVERITY_LABELS: Record<TestSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** How each remediation status is named on screen. */
export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_fix: "Won't fix",
};
