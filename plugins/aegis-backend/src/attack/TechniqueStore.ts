import { AttackDomain, DetectionStrategyRef } from './stix/model';

/** A technique as the API serves it. */
export interface TechniqueRecord {
  mitreId: string;
  domain: AttackDomain;
  name: string;
  description?: string;
  url?: string;
  isSubtechnique: boolean;
  parentMitreId?: string;
  platforms: string[];
  tactics: string[];
  version?: string;
  modified?: string;
  detection?: string;
  dataSources: string[];
  detectionStrategies: DetectionStrategyRef[];
  deprecated: boolean;
  revoked: boolean;
  revokedBy?: string;
  custom: boolean;
  reviewRequired: boolean;
  reviewNote?: string;
}

/** A technique with its sub-techniques and what the last sync did to it. */
export interface TechniqueDetail extends TechniqueRecord {
  subtechniques: Array<
    Pick<TechniqueRecord, 'mitreId' | 'name' | 'deprecated' | 'revoked'>
  >;
  lastChange?: {
    runId: number;
    change: string;
    release?: string;
    at: string;
  };
}

/** Filters of the technique list; each narrows it. */
export interface TechniqueQuery {
  tactic?: string;
  platform?: string;
  domain?: AttackDomain;
  search?: string;
  includeSubtechniques: boolean;
  /** Include deprecated and revoked techniques. */
  includeRetired: boolean;
  reviewRequired?: boolean;
  sort: 'mitre_id' | 'name';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Reads the ATT&CK knowledge base. */
export interface TechniqueStore {
  list(query: TechniqueQuery): Promise<{
    items: TechniqueRecord[];
    total: number;
  }>;
  get(mitreId: string): Promise<TechniqueDetail | undefined>;
}
