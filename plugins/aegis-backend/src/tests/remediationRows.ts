import type {
  Remediation,
  RemediationRow,
  TestState,
} from '@aegis-security/plugin-aegis-common';

/** The columns of `aegis_tests` a remediation row is made of. */
export const REMEDIATION_COLUMNS = [
  'aegis_tests.id',
  'aegis_tests.title',
  'aegis_tests.state',
  'aegis_tests.remediation',
  'aegis_tests.updated_at',
];

/** Remediation statuses of work still to do. */
export const OPEN_REMEDIATION_STATUSES = ['open', 'in_progress'];

/**
 * A test's remediation as reports list it; overdue when its due date has
 * passed (before `today`, YYYY-MM-DD) and it is still to do.
 */
export function remediationRowOf(
  row: {
    id: string;
    title: string;
    state: string;
    remediation: string;
    updated_at: string;
  },
  techniques: string[],
  today: string,
): RemediationRow {
  const remediation = JSON.parse(row.remediation) as Remediation;
  return {
    testId: row.id,
    title: row.title,
    testState: row.state as TestState,
    status: remediation.status,
    owner: remediation.owner,
    dueDate: remediation.dueDate,
    overdue: Boolean(
      remediation.dueDate &&
        remediation.dueDate < today &&
        OPEN_REMEDIATION_STATUSES.includes(remediation.status),
    ),
    stepsDone: remediation.steps.filter(step => step.status === 'done').length,
    stepsTotal: remediation.steps.length,
    techniques,
    updatedAt: row.updated_at,
  };
}
