import type {
  CoverageCounts,
  CoverageReport,
  CoverageTrend,
  EntityCoverage,
  MetricsByTactic,
  MetricsSummary,
  RecentTests,
  RemediationReport,
  TacticCoverage,
  TeamActivity,
  TechniqueCoverage,
  TestPipeline,
  TestResultsReport,
  ValidationRate,
} from '@aegis-security/plugin-aegis-common';
import { sampleTests, summaryOf } from './sampleTests';

const percent = (part: number, total: number) =>
  total === 0 ? 0 : Math.round((part / total) * 1000) / 10;

/** Counts of each status with their shares, as the backend computes them. */
export function coverageCounts(
  counts: Pick<
    CoverageCounts,
    'validated' | 'partial' | 'in_progress' | 'not_covered'
  > &
    Partial<Pick<CoverageCounts, 'confirmedGaps' | 'stale'>>,
): CoverageCounts {
  const total =
    counts.validated + counts.partial + counts.in_progress + counts.not_covered;
  return {
    confirmedGaps: 0,
    stale: 0,
    ...counts,
    total,
    percent: {
      validated: percent(counts.validated, total),
      partial: percent(counts.partial, total),
      in_progress: percent(counts.in_progress, total),
      not_covered: percent(counts.not_covered, total),
    },
  };
}

function tacticCoverage(
  attackId: string,
  name: string,
  shortname: string,
  order: number,
  counts: CoverageCounts,
): TacticCoverage {
  return {
    domain: 'enterprise-attack',
    attackId,
    name,
    shortname,
    order,
    counts,
  };
}

/** The sample techniques' coverage by tactic, in matrix order. */
export const sampleTacticCoverage: TacticCoverage[] = [
  tacticCoverage(
    'TA0001',
    'Initial Access',
    'initial-access',
    0,
    coverageCounts({
      validated: 0,
      partial: 1,
      in_progress: 0,
      not_covered: 0,
    }),
  ),
  tacticCoverage(
    'TA0002',
    'Execution',
    'execution',
    1,
    coverageCounts({
      validated: 1,
      partial: 0,
      in_progress: 1,
      not_covered: 0,
      stale: 1,
    }),
  ),
  tacticCoverage(
    'TA0003',
    'Persistence',
    'persistence',
    2,
    coverageCounts({
      validated: 0,
      partial: 0,
      in_progress: 1,
      not_covered: 1,
    }),
  ),
];

/** Coverage of the four sample techniques that are not retired. */
export const sampleSummary: MetricsSummary = {
  generatedAt: '2026-03-06T09:00:00Z',
  domains: ['enterprise-attack'],
  coverage: coverageCounts({
    validated: 1,
    partial: 1,
    in_progress: 1,
    not_covered: 2,
    confirmedGaps: 1,
    stale: 1,
  }),
  tests: { total: 3, open: 2, validated: 1, rejected: 0 },
  maxAgeDays: 365,
};

export const sampleByTactic: MetricsByTactic = { items: sampleTacticCoverage };

export const samplePipeline: TestPipeline = {
  states: {
    draft: 1,
    red_executing: 0,
    blue_evaluating: 0,
    in_review: 1,
    validated: 1,
    rejected: 0,
  },
  funnel: [
    { stage: 'created', count: 3 },
    { stage: 'red_submitted', count: 2 },
    { stage: 'blue_submitted', count: 2 },
    { stage: 'validated', count: 1 },
  ],
};

export const sampleTeamActivity: TeamActivity = {
  from: '2026-02-04T00:00:00Z',
  to: '2026-03-06T00:00:00Z',
  teams: [
    { team: 'red', actions: 5, users: 1 },
    { team: 'blue', actions: 3, users: 1 },
  ],
  users: [
    {
      userRef: 'user:default/rita.red',
      testsCreated: 2,
      redSubmissions: 2,
      blueSubmissions: 0,
      votes: 1,
    },
    {
      userRef: 'user:default/bo.blue',
      testsCreated: 1,
      redSubmissions: 0,
      blueSubmissions: 2,
      votes: 0,
    },
  ],
};

export const sampleValidationRate: ValidationRate = {
  leads: [
    {
      userRef: 'user:default/rosa.redlead',
      side: 'red',
      approvals: 3,
      rejections: 1,
      total: 4,
      approvalRate: 75,
      rejectionRate: 25,
    },
  ],
};

export const sampleRecentTests: RecentTests = {
  items: sampleTests.map(summaryOf),
};

export const sampleTrend: CoverageTrend = {
  from: '2026-03-04',
  to: '2026-03-06',
  points: [
    {
      day: '2026-03-04',
      counts: coverageCounts({
        validated: 0,
        partial: 0,
        in_progress: 2,
        not_covered: 3,
      }),
    },
    {
      day: '2026-03-05',
      counts: coverageCounts({
        validated: 1,
        partial: 0,
        in_progress: 1,
        not_covered: 3,
      }),
    },
    { day: '2026-03-06', counts: sampleSummary.coverage },
  ],
};

/** The coverage of the validated sample test's technique. */
export const sampleTechniqueCoverage: TechniqueCoverage = {
  mitreId: 'T1059',
  name: 'Command and Scripting Interpreter',
  domain: 'enterprise-attack',
  isSubtechnique: false,
  tactics: ['execution'],
  status: 'validated',
  confirmedGap: false,
  stale: true,
  via: 'tests',
  lastValidatedAt: '2025-01-10T09:00:00Z',
  tests: { total: 2, validated: 1, inProgress: 1, outcomes: { alerted: 1 } },
  platforms: [
    {
      platform: 'Windows',
      status: 'validated',
      confirmedGap: false,
      stale: true,
      lastValidatedAt: '2025-01-10T09:00:00Z',
      decidingTestId: 'test-validated',
      outcome: 'alerted',
    },
    {
      platform: 'Linux',
      status: 'in_progress',
      confirmedGap: false,
      stale: false,
    },
  ],
};

/** A confirmed gap: the latest validated test was not detected. */
export const sampleGapCoverage: TechniqueCoverage = {
  mitreId: 'T1566.002',
  name: 'Spearphishing Link',
  domain: 'enterprise-attack',
  isSubtechnique: true,
  parentMitreId: 'T1566',
  tactics: ['initial-access'],
  status: 'not_covered',
  confirmedGap: true,
  stale: false,
  via: 'tests',
  lastValidatedAt: '2026-03-02T09:00:00Z',
  tests: {
    total: 1,
    validated: 1,
    inProgress: 0,
    outcomes: { not_detected: 1 },
  },
  platforms: [
    {
      platform: 'Windows',
      status: 'not_covered',
      confirmedGap: true,
      stale: false,
      lastValidatedAt: '2026-03-02T09:00:00Z',
      decidingTestId: 'test-draft',
      outcome: 'not_detected',
    },
  ],
};

export const sampleCoverageReport: CoverageReport = {
  generatedAt: '2026-03-06T09:00:00Z',
  filters: {},
  counts: sampleSummary.coverage,
  byTactic: sampleTacticCoverage,
  byPlatform: [
    {
      platform: 'Windows',
      counts: coverageCounts({
        validated: 1,
        partial: 1,
        in_progress: 1,
        not_covered: 0,
      }),
    },
  ],
  techniques: [sampleTechniqueCoverage, sampleGapCoverage],
};

export const sampleTestResults: TestResultsReport = {
  generatedAt: '2026-03-06T09:00:00Z',
  filters: {},
  items: [
    {
      id: 'test-validated',
      title: 'PowerShell download cradle',
      state: 'validated',
      platform: 'Windows',
      severity: 'critical',
      blind: false,
      round: 1,
      techniques: ['T1059'],
      targets: ['component:default/payments-api'],
      createdBy: 'user:default/rita.red',
      createdAt: '2026-03-01T09:00:00Z',
      updatedAt: '2026-03-05T09:00:00Z',
      outcome: 'alerted',
      validatedAt: '2026-03-05T09:00:00Z',
    },
  ],
};

export const sampleRemediation: RemediationReport = {
  generatedAt: '2026-03-06T09:00:00Z',
  filters: {},
  items: [
    {
      testId: 'test-validated',
      title: 'PowerShell download cradle',
      testState: 'validated',
      status: 'in_progress',
      owner: 'group:default/blue-team',
      dueDate: '2026-04-01',
      overdue: false,
      stepsDone: 1,
      stepsTotal: 2,
      techniques: ['T1059'],
      updatedAt: '2026-03-05T09:00:00Z',
    },
  ],
};

/** What the backend answers for the payments API component. */
export function sampleEntityCoverage(entityRef: string): EntityCoverage {
  return {
    entityRef,
    entityRefs: [entityRef],
    counts: coverageCounts({
      validated: 1,
      partial: 0,
      in_progress: 0,
      not_covered: 1,
      confirmedGaps: 1,
      stale: 1,
    }),
    byTactic: sampleTacticCoverage.slice(0, 2),
    techniques: [sampleTechniqueCoverage, sampleGapCoverage],
    tests: sampleRecentTests.items,
    openRemediation: sampleRemediation.items,
    lastValidation: {
      testId: 'test-validated',
      title: 'PowerShell download cradle',
      at: '2026-03-05T09:00:00Z',
    },
  };
}
