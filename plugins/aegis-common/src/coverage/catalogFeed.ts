import type { AttackDomain } from '../attackTypes';
import type { CoverageStatus } from './types';

/**
 * `GET /api/aegis/catalog/techniques`: what the Aegis catalog module turns
 * into Tactic and Technique entities. Unrevealed blind tests never count.
 *
 * @public
 */
export interface CatalogTechniqueFeed {
  generatedAt: string;
  /** Changes whenever a sync or an admin changes the knowledge base. */
  knowledgeBaseVersion: string;
  tactics: Array<{
    domain: AttackDomain;
    attackId: string;
    shortname: string;
    name: string;
    url?: string;
    /** Position in the domain's matrix. */
    order: number;
  }>;
  techniques: Array<{
    mitreId: string;
    name: string;
    domain: AttackDomain;
    url?: string;
    isSubtechnique: boolean;
    parentMitreId?: string;
    /** Tactic shortnames. */
    tactics: string[];
    platforms: string[];
    status: CoverageStatus;
    confirmedGap: boolean;
    stale: boolean;
    /** Entity refs the technique's tests ran against. */
    testedEntityRefs: string[];
  }>;
}
