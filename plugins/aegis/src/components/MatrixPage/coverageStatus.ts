import {
  COVERAGE_STATUSES,
  type CoverageStatus,
  type Technique,
} from '@aegis-security/plugin-aegis-common';
import {
  COVERAGE_STATUS_DESCRIPTIONS,
  COVERAGE_STATUS_LABELS,
  type CoverageLook,
} from '../../coverageLabels';

/** What the status filter of the matrix can narrow it to. */
export type StatusFilter = CoverageStatus | 'confirmed_gap' | 'stale';

/** The choices of the status filter, in the order it lists them. */
export const STATUS_FILTERS: Array<{ value: StatusFilter; label: string }> = [
  ...COVERAGE_STATUSES.map(status => ({
    value: status,
    label: COVERAGE_STATUS_LABELS[status],
  })),
  { value: 'confirmed_gap', label: 'Confirmed gap' },
  { value: 'stale', label: 'Stale' },
];

/** One entry of the matrix legend: how it is drawn and what it means. */
export interface LegendEntry {
  key: string;
  look: CoverageLook;
  label: string;
  description: string;
}

/** The legend of the matrix: each status, then the two markers. */
export const LEGEND: LegendEntry[] = [
  ...COVERAGE_STATUSES.map(status => ({
    key: status,
    look: { status },
    label: COVERAGE_STATUS_LABELS[status],
    description: COVERAGE_STATUS_DESCRIPTIONS[status],
  })),
  {
    key: 'confirmed_gap',
    look: { status: 'not_covered', confirmedGap: true },
    label: 'Confirmed gap',
    description: 'The latest validated test was not detected.',
  },
  {
    key: 'stale',
    look: { status: 'validated', stale: true },
    label: 'Stale (dashed)',
    description: 'The latest validation is older than the maximum age.',
  },
];

/**
 * The coverage of a technique as the backend computed it: a parent's status
 * is already rolled up from its sub-techniques. Retired techniques have none.
 */
export function coverageOf(technique: Technique): CoverageLook {
  return technique.coverage ?? {};
}

/** Whether a technique has the status or marker the filter asks for. */
export function matchesStatus(
  technique: Technique,
  filter: StatusFilter,
): boolean {
  const coverage = technique.coverage;
  if (!coverage) return false;
  if (filter === 'confirmed_gap') return coverage.confirmedGap;
  if (filter === 'stale') return coverage.stale;
  return coverage.status === filter;
}
