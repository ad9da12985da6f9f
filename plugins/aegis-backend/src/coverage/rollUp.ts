import {
  COVERAGE_STATUSES,
  CoverageCounts,
  CoverageStatus,
  PlatformCoverage,
  TechniqueCoverage,
} from '@aegis-security/plugin-aegis-common';
import { PlatformCoverageRow } from './coverageQuery';
import { percent } from '../lib/percent';

/** An active technique, as the coverage needs it. */
export interface CoverageTechnique {
  mitreId: string;
  name: string;
  domain: TechniqueCoverage['domain'];
  isSubtechnique: boolean;
  parentMitreId?: string;
  tactics: string[];
  platforms: string[];
  url?: string;
}

const RANK: Record<CoverageStatus, number> = {
  validated: 0,
  partial: 1,
  in_progress: 2,
  not_covered: 3,
};

/** Whether `a` is better coverage than `b`. */
function better(a: CoverageStatus, b: CoverageStatus): boolean {
  return RANK[a] < RANK[b];
}

/**
 * The platform that stands for a technique: the best status; among equals
 * a fresh validation before a stale one, then the most recent.
 */
function bestPlatform(rows: PlatformCoverageRow[]): PlatformCoverageRow {
  return rows.reduce((best, row) => {
    if (RANK[row.status] !== RANK[best.status]) {
      return better(row.status, best.status) ? row : best;
    }
    if (row.stale !== best.stale) {
      return row.stale ? best : row;
    }
    return (row.lastValidatedAt ?? '') > (best.lastValidatedAt ?? '')
      ? row
      : best;
  });
}

function latest(...values: Array<string | undefined>): string | undefined {
  return values.reduce<string | undefined>(
    (max, value) => (value && (!max || value > max) ? value : max),
    undefined,
  );
}

/** A technique's coverage through its own tests, over every platform. */
function ownCoverage(
  technique: CoverageTechnique,
  rows: PlatformCoverageRow[],
  withPlatforms: boolean,
): TechniqueCoverage {
  const tests: TechniqueCoverage['tests'] = {
    total: 0,
    validated: 0,
    inProgress: 0,
    outcomes: {},
  };
  for (const row of rows) {
    tests.total += row.total;
    tests.validated += row.validated;
    tests.inProgress += row.inProgress;
    for (const [outcome, n] of Object.entries(row.outcomes)) {
      const key = outcome as keyof typeof tests.outcomes;
      tests.outcomes[key] = (tests.outcomes[key] ?? 0) + n;
    }
  }
  const best = rows.length ? bestPlatform(rows) : undefined;
  const status = best?.status ?? 'not_covered';
  const lastValidatedAt = latest(...rows.map(row => row.lastValidatedAt));

  return {
    mitreId: technique.mitreId,
    name: technique.name,
    domain: technique.domain,
    isSubtechnique: technique.isSubtechnique,
    ...(technique.parentMitreId && { parentMitreId: technique.parentMitreId }),
    tactics: technique.tactics,
    status,
    // A gap on one platform shows unless another platform does better.
    confirmedGap:
      status === 'not_covered' && rows.some(row => row.confirmedGap),
    stale: best?.stale ?? false,
    via: rows.length ? 'tests' : 'none',
    ...(lastValidatedAt && { lastValidatedAt }),
    tests,
    platforms: withPlatforms ? rows.map(platformOf) : [],
  };
}

function platformOf(row: PlatformCoverageRow): PlatformCoverage {
  return {
    platform: row.platform,
    status: row.status,
    confirmedGap: row.confirmedGap,
    stale: row.stale,
    ...(row.lastValidatedAt && { lastValidatedAt: row.lastValidatedAt }),
    ...(row.decidingTestId && { decidingTestId: row.decidingTestId }),
    ...(row.outcome && { outcome: row.outcome }),
  };
}

/**
 * What a parent's active sub-techniques together prove: all validated,
 * validated; some validated or partial, partial; some in progress, in
 * progress; else nothing.
 */
function subtechniqueStatus(subs: TechniqueCoverage[]): CoverageStatus {
  const count = (...statuses: CoverageStatus[]) =>
    subs.filter(sub => statuses.includes(sub.status)).length;
  if (count('validated') === subs.length) return 'validated';
  if (count('validated', 'partial') > 0) return 'partial';
  if (count('in_progress') > 0) return 'in_progress';
  return 'not_covered';
}

/**
 * The coverage of each technique under the rules: the SQL's verdict per
 * platform, the best platform for the technique, and for a parent the
 * better of its own tests and its active sub-techniques (`via` says which).
 * Techniques come back in the order given.
 */
export function rollUpCoverage(
  techniques: CoverageTechnique[],
  rows: PlatformCoverageRow[],
  options: { withPlatforms: boolean },
): TechniqueCoverage[] {
  const rowsOf = new Map<string, PlatformCoverageRow[]>();
  for (const row of rows) {
    const list = rowsOf.get(row.mitreId) ?? [];
    list.push(row);
    rowsOf.set(row.mitreId, list);
  }
  const own = techniques.map(technique =>
    ownCoverage(
      technique,
      (rowsOf.get(technique.mitreId) ?? []).sort((a, b) =>
        a.platform.localeCompare(b.platform),
      ),
      options.withPlatforms,
    ),
  );

  const subsOf = new Map<string, TechniqueCoverage[]>();
  for (const coverage of own) {
    if (coverage.isSubtechnique && coverage.parentMitreId) {
      const list = subsOf.get(coverage.parentMitreId) ?? [];
      list.push(coverage);
      subsOf.set(coverage.parentMitreId, list);
    }
  }

  return own.map(coverage => {
    const subs = subsOf.get(coverage.mitreId);
    if (coverage.isSubtechnique || !subs?.length) {
      return coverage;
    }
    const status = subtechniqueStatus(subs);
    if (!better(status, coverage.status)) {
      return coverage;
    }
    const lastValidatedAt = latest(...subs.map(sub => sub.lastValidatedAt));
    return {
      ...coverage,
      status,
      confirmedGap: false,
      stale: subs.some(sub => sub.stale),
      via: 'subtechniques' as const,
      ...(lastValidatedAt && { lastValidatedAt }),
    };
  });
}

/**
 * Counts of a set of techniques' coverage. Sub-techniques are left out:
 * they count through their parent, so that no technique counts twice.
 */
export function countCoverage(coverage: TechniqueCoverage[]): CoverageCounts {
  const counted = coverage.filter(item => !item.isSubtechnique);
  const counts = {
    total: counted.length,
    validated: 0,
    partial: 0,
    in_progress: 0,
    not_covered: 0,
    confirmedGaps: 0,
    stale: 0,
  };
  for (const item of counted) {
    counts[item.status] += 1;
    if (item.confirmedGap) counts.confirmedGaps += 1;
    if (item.stale) counts.stale += 1;
  }
  return countsWithPercent(counts);
}

/** Counts with the share of each status, in percent with one decimal. */
export function countsWithPercent(
  counts: Omit<CoverageCounts, 'percent'>,
): CoverageCounts {
  return {
    ...counts,
    percent: Object.fromEntries(
      COVERAGE_STATUSES.map(status => [
        status,
        percent(counts[status], counts.total),
      ]),
    ) as CoverageCounts['percent'],
  };
}
