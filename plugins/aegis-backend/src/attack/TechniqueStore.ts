import {
  Tactic as TacticRecord,
  Technique as TechniqueRecord,
  TechniqueDetail,
} from '@aegis-security/plugin-aegis-common';
import { AttackDomain } from './stix/model';

export type { TacticRecord, TechniqueDetail, TechniqueRecord };

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
  /** Only these techniques. */
  mitreIds?: string[];
  sort: 'mitre_id' | 'name';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Reads the ATT&CK knowledge base. */
export interface TechniqueStore {
  listTactics(query: {
    domain: AttackDomain;
    includeRetired: boolean;
  }): Promise<TacticRecord[]>;
  list(query: TechniqueQuery): Promise<{
    items: TechniqueRecord[];
    total: number;
  }>;
  get(mitreId: string): Promise<TechniqueDetail | undefined>;
}
