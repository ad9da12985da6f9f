import type { CoverageStatus, TechniqueCoverage } from './coverage/types';
/**
 * An ATT&CK domain.
 *
 * @public
 */
export type AttackDomain = 'enterprise-attack' | 'mobile-attack' | 'ics-attack';

/**
 * A tactic, as `GET /api/aegis/tactics` lists them in matrix order.
 *
 * @public
 */
export interface Tactic {
  attackId: string;
  domain: AttackDomain;
  name: string;
  shortname: string;
  description?: string;
  url?: string;
  deprecated: boolean;
}

/**
 * A technique or sub-technique.
 *
 * @public
 */
export interface Technique {
  mitreId: string;
  domain: AttackDomain;
  name: string;
  /** Markdown as MITRE writes it. */
  description?: string;
  url?: string;
  isSubtechnique: boolean;
  parentMitreId?: string;
  platforms: string[];
  /** Tactic shortnames. */
  tactics: string[];
  version?: string;
  modified?: string;
  detection?: string;
  dataSources: string[];
  detectionStrategies: Array<{ attackId: string; name: string }>;
  deprecated: boolean;
  revoked: boolean;
  revokedBy?: string;
  custom: boolean;
  reviewRequired: boolean;
  reviewNote?: string;
  /**
   * Coverage under the Aegis rules, over every platform (or the platform
   * the list was filtered by); absent for retired techniques.
   */
  coverage?: {
    status: CoverageStatus;
    confirmedGap: boolean;
    stale: boolean;
    lastValidatedAt?: string;
  };
}

/**
 * A technique with its sub-techniques and what the last sync did to it.
 *
 * @public
 */
export interface TechniqueDetail extends Technique {
  /** Coverage per platform and the tests behind it. */
  coverageDetail?: TechniqueCoverage;
  subtechniques: Array<
    Pick<Technique, 'mitreId' | 'name' | 'deprecated' | 'revoked'>
  >;
  lastChange?: {
    runId: number;
    change: 'added' | 'changed' | 'deprecated' | 'revoked';
    release?: string;
    at: string;
  };
}

/**
 * Query of `GET /api/aegis/techniques`.
 *
 * @public
 */
export interface ListTechniquesQuery {
  tactic?: string;
  platform?: string;
  domain?: AttackDomain;
  search?: string;
  include_subtechniques?: boolean;
  /** Include deprecated and revoked techniques. */
  deprecated?: boolean;
  review_required?: boolean;
  /** Coverage status under the Aegis rules. */
  status?: CoverageStatus;
  sort?: 'mitre_id' | 'name';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/**
 * A page of techniques.
 *
 * @public
 */
export interface TechniquePage {
  items: Technique[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * One ATT&CK sync of one domain.
 *
 * @public
 */
export interface SyncRun {
  id: number;
  domain: AttackDomain;
  trigger: 'schedule' | 'manual';
  triggeredBy?: string;
  startedAt: string;
  finishedAt?: string;
  outcome: 'running' | 'succeeded' | 'failed';
  source?: string;
  sourceDetail?: string;
  skippedSources: Array<{ source: string; reason: string }>;
  release?: string;
  added: number;
  changed: number;
  deprecated: number;
  revoked: number;
  unchanged: number;
  durationMs?: number;
  error?: string;
}

/**
 * A page of sync runs, newest first.
 *
 * @public
 */
export interface SyncRunPage {
  items: SyncRun[];
  total: number;
  limit: number;
  offset: number;
}
