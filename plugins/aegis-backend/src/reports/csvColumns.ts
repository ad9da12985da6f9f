import {
  CONTROL_RESULTS,
  RemediationRow,
  TechniqueCoverage,
  TestResultRow,
} from '@aegis-security/plugin-aegis-common';
import { CsvColumn } from './csv';

const LIST_SEPARATOR = '; ';

/** Outcome counts as `blocked: 2; alerted: 1`, in the order of results. */
export function describeOutcomes(
  outcomes: TechniqueCoverage['tests']['outcomes'],
): string {
  return CONTROL_RESULTS.filter(result => outcomes[result])
    .map(result => `${result}: ${outcomes[result]}`)
    .join(LIST_SEPARATOR);
}

/** `GET /reports/coverage-csv`: one row per technique. */
export const coverageColumns: CsvColumn<TechniqueCoverage>[] = [
  { header: 'ATT&CK ID', value: t => t.mitreId },
  { header: 'Name', value: t => t.name },
  { header: 'Domain', value: t => t.domain },
  { header: 'Tactics', value: t => t.tactics.join(LIST_SEPARATOR) },
  { header: 'Status', value: t => t.status },
  { header: 'Confirmed gap', value: t => t.confirmedGap },
  { header: 'Stale', value: t => t.stale },
  { header: 'Last validated', value: t => t.lastValidatedAt },
  { header: 'Tests', value: t => t.tests.total },
  { header: 'Tests validated', value: t => t.tests.validated },
  { header: 'Tests in progress', value: t => t.tests.inProgress },
  { header: 'Outcomes', value: t => describeOutcomes(t.tests.outcomes) },
];

/** `GET /reports/test-results.csv`: one row per test. */
export const testResultColumns: CsvColumn<TestResultRow>[] = [
  { header: 'Test ID', value: r => r.id },
  { header: 'Title', value: r => r.title },
  { header: 'State', value: r => r.state },
  { header: 'Techniques', value: r => r.techniques.join(LIST_SEPARATOR) },
  { header: 'Platform', value: r => r.platform },
  { header: 'Severity', value: r => r.severity },
  { header: 'Blind', value: r => r.blind },
  { header: 'Round', value: r => r.round },
  { header: 'Targets', value: r => r.targets.join(LIST_SEPARATOR) },
  { header: 'Created by', value: r => r.createdBy },
  { header: 'Created at', value: r => r.createdAt },
  { header: 'Updated at', value: r => r.updatedAt },
  { header: 'Red submitted at', value: r => r.redSubmittedAt },
  { header: 'Blue submitted at', value: r => r.blueSubmittedAt },
  { header: 'Outcome', value: r => r.outcome },
  { header: 'Validated at', value: r => r.validatedAt },
];

/** `GET /reports/remediation-status.csv`: one row per test with remediation. */
export const remediationColumns: CsvColumn<RemediationRow>[] = [
  { header: 'Test ID', value: r => r.testId },
  { header: 'Title', value: r => r.title },
  { header: 'Test state', value: r => r.testState },
  { header: 'Techniques', value: r => r.techniques.join(LIST_SEPARATOR) },
  { header: 'Remediation status', value: r => r.status },
  { header: 'Owner', value: r => r.owner },
  { header: 'Due date', value: r => r.dueDate },
  { header: 'Overdue', value: r => r.overdue },
  { header: 'Steps done', value: r => r.stepsDone },
  { header: 'Steps total', value: r => r.stepsTotal },
  { header: 'Updated at', value: r => r.updatedAt },
];
