import type {
  AttackDomain,
  CoverageStatus,
} from '@aegis-security/plugin-aegis-common';
import type { Entity } from '@backstage/catalog-model';

import {
  AEGIS_API_VERSION,
  TACTIC_KIND,
  TECHNIQUE_KIND,
} from '@aegis-security/plugin-aegis-common';

export {
  AEGIS_API_VERSION,
  ANNOTATION_ATTACK_ID,
  RELATION_TESTED_AGAINST,
  RELATION_TESTED_FOR,
  TACTIC_KIND,
  TECHNIQUE_KIND,
} from '@aegis-security/plugin-aegis-common';

/**
 * The spec of a Technique entity.
 *
 * @public
 */
export type TechniqueEntitySpec = {
  mitreId: string;
  domain: AttackDomain;
  /** ATT&CK IDs of the technique's tactics, which name the Tactic entities. */
  tactics: string[];
  platforms: string[];
  url?: string;
  isSubtechnique: boolean;
  /** ATT&CK ID of the parent technique of a sub-technique. */
  parent?: string;
  coverage: {
    status: CoverageStatus;
    confirmedGap: boolean;
    stale: boolean;
  };
  /** Entity refs of the entities that tests of the technique ran against. */
  testedAgainst: string[];
  owner: string;
  lifecycle: string;
};

/**
 * A Technique entity, one per active ATT&CK technique or sub-technique.
 *
 * @public
 */
export interface TechniqueEntity extends Entity {
  apiVersion: typeof AEGIS_API_VERSION;
  kind: typeof TECHNIQUE_KIND;
  spec: TechniqueEntitySpec;
}

/**
 * The spec of a Tactic entity.
 *
 * @public
 */
export type TacticEntitySpec = {
  mitreId: string;
  domain: AttackDomain;
  /** The tactic's ATT&CK shortname, as technique data names it. */
  shortname: string;
  /** Position in the domain's matrix. */
  order: number;
  url?: string;
  owner: string;
  lifecycle: string;
};

/**
 * A Tactic entity, one per ATT&CK tactic of an enabled domain.
 *
 * @public
 */
export interface TacticEntity extends Entity {
  apiVersion: typeof AEGIS_API_VERSION;
  kind: typeof TACTIC_KIND;
  spec: TacticEntitySpec;
}
