import { z } from 'zod';

/**
 * Lenient schemas of the STIX objects Aegis reads from ATT&CK bundles: only
 * the fields Aegis uses are checked, unknown fields pass, and both STIX 2.0
 * and 2.1 editions fit. MITRE adds fields in every release; a new field must
 * never make a sync fail.
 */

const externalReference = z.looseObject({
  source_name: z.string(),
  external_id: z.string().optional(),
  url: z.string().optional(),
});

const stixBase = z.looseObject({
  type: z.string(),
  id: z.string(),
  modified: z.string().optional(),
  revoked: z.boolean().optional(),
  x_mitre_deprecated: z.boolean().optional(),
  external_references: z.array(externalReference).optional(),
});

/** Any STIX object; narrowed by type with the schemas below. */
export const stixObject = stixBase;
export type StixObject = z.infer<typeof stixObject>;

export const stixBundle = z.looseObject({
  type: z.literal('bundle'),
  spec_version: z.string().optional(),
  objects: z.array(z.looseObject({ type: z.string(), id: z.string() })),
});

export const collectionObject = stixBase.extend({
  type: z.literal('x-mitre-collection'),
  name: z.string().optional(),
  x_mitre_version: z.string().optional(),
});

export const matrixObject = stixBase.extend({
  type: z.literal('x-mitre-matrix'),
  name: z.string(),
  tactic_refs: z.array(z.string()),
});

export const tacticObject = stixBase.extend({
  type: z.literal('x-mitre-tactic'),
  name: z.string(),
  description: z.string().optional(),
  x_mitre_shortname: z.string(),
});

export const attackPatternObject = stixBase.extend({
  type: z.literal('attack-pattern'),
  name: z.string(),
  description: z.string().optional(),
  kill_chain_phases: z
    .array(
      z.looseObject({ kill_chain_name: z.string(), phase_name: z.string() }),
    )
    .optional(),
  x_mitre_platforms: z.array(z.string()).optional(),
  x_mitre_is_subtechnique: z.boolean().optional(),
  x_mitre_version: z.string().optional(),
  x_mitre_detection: z.string().optional(),
  x_mitre_data_sources: z.array(z.string()).optional(),
});

export const relationshipObject = stixBase.extend({
  type: z.literal('relationship'),
  relationship_type: z.string(),
  source_ref: z.string(),
  target_ref: z.string(),
});

export const detectionStrategyObject = stixBase.extend({
  type: z.literal('x-mitre-detection-strategy'),
  name: z.string(),
});
