import { z } from 'zod';

/*
 * The ATT&CK Navigator layer file format 4.5, written from MITRE's format
 * definition: which properties a layer and its parts may have, which are
 * required, and their types and allowed values. Strict objects, so that a
 * misspelt property fails instead of being ignored by the Navigator.
 */

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'not a #rrggbb colour');

const divider = z.strictObject({ divider: z.boolean() });

const metadata = z.array(
  z.union([z.strictObject({ name: z.string(), value: z.string() }), divider]),
);

const links = z.array(
  z.union([
    z.strictObject({
      label: z.string(),
      url: z
        .string()
        .regex(/^[a-z][a-z0-9+.-]*:\/\//i, 'needs a protocol such as https://'),
    }),
    divider,
  ]),
);

const technique = z.strictObject({
  techniqueID: z.string().regex(/^T\d{4}(\.\d{3})?$/, 'an ATT&CK technique id'),
  tactic: z
    .string()
    .regex(/^[a-z][a-z-]*$/, 'a tactic shortname')
    .optional(),
  comment: z.string().optional(),
  enabled: z.boolean().optional(),
  score: z.number().optional(),
  color: z.union([color, z.literal('')]).optional(),
  metadata: metadata.optional(),
  links: links.optional(),
  showSubtechniques: z.boolean().optional(),
});

/** A layer as the Navigator 4.5 file format defines it. */
export const navigatorLayerSchema = z.strictObject({
  versions: z
    .strictObject({
      attack: z.string().optional(),
      navigator: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/)
        .refine(
          value => value.localeCompare('4.9.0', 'en', { numeric: true }) >= 0,
          'must be at least 4.9.0',
        ),
      layer: z.literal('4.5'),
    })
    .optional(),
  name: z.string(),
  description: z.string().optional(),
  domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
  customDataURL: z.string().optional(),
  filters: z.strictObject({ platforms: z.array(z.string()) }).optional(),
  sorting: z
    .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
    .optional(),
  layout: z
    .strictObject({
      layout: z.enum(['side', 'flat', 'mini']).optional(),
      showID: z.boolean().optional(),
      showName: z.boolean().optional(),
      showAggregateScores: z.boolean().optional(),
      countUnscored: z.boolean().optional(),
      aggregateFunction: z.enum(['average', 'min', 'max', 'sum']).optional(),
      expandedSubtechniques: z.enum(['none', 'all', 'annotated']).optional(),
    })
    .optional(),
  hideDisabled: z.boolean().optional(),
  techniques: z.array(technique).optional(),
  gradient: z
    .strictObject({
      colors: z.array(color).min(2),
      minValue: z.number(),
      maxValue: z.number(),
    })
    .refine(g => g.maxValue > g.minValue, 'maxValue must be above minValue')
    .optional(),
  legendItems: z.array(z.strictObject({ label: z.string(), color })).optional(),
  showTacticRowBackground: z.boolean().optional(),
  tacticRowBackground: color.optional(),
  selectTechniquesAcrossTactics: z.boolean().optional(),
  selectSubtechniquesWithParent: z.boolean().optional(),
  selectVisibleTechniques: z.boolean().optional(),
  metadata: metadata.optional(),
  links: links.optional(),
});
