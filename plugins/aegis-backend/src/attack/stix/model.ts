/** The ATT&CK domains Aegis syncs. */
export const ATTACK_DOMAINS = [
  'enterprise-attack',
  'mobile-attack',
  'ics-attack',
] as const;

export type AttackDomain = (typeof ATTACK_DOMAINS)[number];

/** A tactic, in the order of its domain's matrices. */
export interface Tactic {
  stixId: string;
  attackId: string;
  name: string;
  shortname: string;
  description?: string;
  url?: string;
  deprecated: boolean;
}

/** A detection strategy that detects a technique (ATT&CK 18 and later). */
export interface DetectionStrategyRef {
  attackId: string;
  name: string;
}

/** A technique or sub-technique as a release describes it. */
export interface Technique {
  stixId: string;
  mitreId: string;
  name: string;
  description?: string;
  url?: string;
  platforms: string[];
  /** Tactic shortnames, from kill_chain_phases. */
  tactics: string[];
  isSubtechnique: boolean;
  parentMitreId?: string;
  version?: string;
  modified?: string;
  /** Detection text of releases before 18. */
  detection?: string;
  /** Data sources of releases before 18. */
  dataSources: string[];
  detectionStrategies: DetectionStrategyRef[];
  deprecated: boolean;
  revoked: boolean;
  /** ATT&CK id of the technique that replaced a revoked one. */
  revokedBy?: string;
}

/** Everything Aegis takes from one domain's bundle. */
export interface AttackDataset {
  domain: AttackDomain;
  /** The ATT&CK release, from the bundle's collection object (STIX 2.1). */
  release?: string;
  tactics: Tactic[];
  techniques: Technique[];
  detectionStrategyCount: number;
  analyticCount: number;
}
