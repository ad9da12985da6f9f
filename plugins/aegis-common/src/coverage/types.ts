import type { AttackDomain } from '../attackTypes';
import type { ControlResult } from '../workflow/stateMachine';

/**
 * Coverage statuses, strongest first.
 *
 * @public
 */
export const COVERAGE_STATUSES = [
  'validated',
  'partial',
  'in_progress',
  'not_covered',
] as const;

/**
 * How well a technique is defended, under the Aegis coverage rules: the most
 * recent validated test decides (blocked or alerted: `validated`; only
 * logged: `partial`; not detected: `not_covered`, a confirmed gap); without
 * one, `in_progress` while a test is run or reviewed, else `not_covered`.
 *
 * @public
 */
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/**
 * How many techniques stand at each status, with their share in percent
 * (one decimal). Sub-techniques count through their parent.
 *
 * @public
 */
export interface CoverageCounts {
  total: number;
  validated: number;
  partial: number;
  in_progress: number;
  not_covered: number;
  /** Techniques whose deciding validated test was not detected. */
  confirmedGaps: number;
  /** Validated or partial techniques whose validation is too old. */
  stale: number;
  percent: Record<CoverageStatus, number>;
}

/**
 * What a coverage figure is computed over.
 *
 * @public
 */
export interface CoverageFilter {
  /** A tactic shortname, such as `execution`. */
  tactic?: string;
  /** An ATT&CK platform: only tests of that platform count. */
  platform?: string;
  domain?: AttackDomain;
  /** Only tests run against this catalog entity (a System: or its Components). */
  entityRef?: string;
}

/**
 * A technique's coverage on one platform, decided by its tests of that
 * platform.
 *
 * @public
 */
export interface PlatformCoverage {
  platform: string;
  status: CoverageStatus;
  confirmedGap: boolean;
  stale: boolean;
  lastValidatedAt?: string;
  /** The most recent validated test, which decides the status. */
  decidingTestId?: string;
  /** The best control result of the deciding test. */
  outcome?: ControlResult;
}

/**
 * A technique's coverage and the tests behind it.
 *
 * @public
 */
export interface TechniqueCoverage {
  mitreId: string;
  name: string;
  domain: AttackDomain;
  isSubtechnique: boolean;
  parentMitreId?: string;
  /** Tactic shortnames. */
  tactics: string[];
  /** The status of the technique's best platform, or of its sub-techniques. */
  status: CoverageStatus;
  confirmedGap: boolean;
  stale: boolean;
  /**
   * What decided the status: the technique's own tests, its sub-techniques,
   * or nothing (no test).
   */
  via: 'tests' | 'subtechniques' | 'none';
  lastValidatedAt?: string;
  /** The technique's own tests that count under the filter. */
  tests: {
    total: number;
    validated: number;
    inProgress: number;
    /** Best control result of each validated test, counted. */
    outcomes: Partial<Record<ControlResult, number>>;
  };
  /** One entry per platform that has a test; empty when not asked for. */
  platforms: PlatformCoverage[];
}

/**
 * Coverage counts of the techniques of one tactic.
 *
 * @public
 */
export interface TacticCoverage {
  domain: AttackDomain;
  attackId: string;
  shortname: string;
  name: string;
  /** Position in the domain's matrix. */
  order: number;
  counts: CoverageCounts;
}
