import {
  AttackDomain,
  CoverageCounts,
  TechniqueCoverage,
} from '@aegis-security/plugin-aegis-common';
import { describeOutcomes } from './csvColumns';

/** The layer file format the Navigator reads; see navigatorLayerSchema.ts. */
export const NAVIGATOR_LAYER_VERSION = '4.5';
/** The Navigator release whose file format this is. */
export const NAVIGATOR_VERSION = '5.2.0';

/** A name/value pair or a divider, shown in the Navigator's tooltips. */
export type NavigatorMetadata = { name: string; value: string };
/** A link in the Navigator's context menu. */
export type NavigatorLink = { label: string; url: string };

/** One annotated cell: a technique under one tactic. */
export interface NavigatorTechnique {
  techniqueID: string;
  tactic?: string;
  score: number;
  color: string;
  comment: string;
  enabled: boolean;
  metadata: NavigatorMetadata[];
  links: NavigatorLink[];
  showSubtechniques: boolean;
}

/** An ATT&CK Navigator layer, file format 4.5. */
export interface NavigatorLayer {
  name: string;
  versions: { navigator: string; layer: string };
  domain: AttackDomain;
  description: string;
  filters?: { platforms: string[] };
  sorting: number;
  layout: {
    layout: 'side';
    showID: boolean;
    showName: boolean;
    showAggregateScores: boolean;
    countUnscored: boolean;
    aggregateFunction: 'average';
    expandedSubtechniques: 'annotated';
  };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: Array<{ label: string; color: string }>;
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  selectVisibleTechniques: boolean;
  metadata: NavigatorMetadata[];
  links: NavigatorLink[];
}

type Appearance = 'validated' | 'partial' | 'in_progress' | 'gap' | 'none';

/**
 * Score and colour of each coverage status. The explicit colour wins over
 * the gradient in the Navigator; the score still sorts and aggregates.
 */
const APPEARANCE: Record<
  Appearance,
  { label: string; score: number; color: string }
> = {
  validated: { label: 'Validated', score: 100, color: '#31a354' },
  partial: { label: 'Partial (logged only)', score: 50, color: '#fdd835' },
  in_progress: { label: 'In progress', score: 25, color: '#6baed6' },
  gap: { label: 'Confirmed gap (not detected)', score: 0, color: '#e6550d' },
  none: { label: 'Not covered', score: 0, color: '#d9d9d9' },
};

const ATTACK_ID = /^T\d{4}(\.\d{3})?$/;

const DOMAIN_NAMES: Record<AttackDomain, string> = {
  'enterprise-attack': 'Enterprise',
  'mobile-attack': 'Mobile',
  'ics-attack': 'ICS',
};

/** What a layer is built from: the coverage of one domain, as filtered. */
export interface NavigatorLayerInput {
  domain: AttackDomain;
  techniques: TechniqueCoverage[];
  counts: CoverageCounts;
  generatedAt: string;
  /** `app.baseUrl`, for links back to Aegis. */
  appBaseUrl: string;
  /** The ATT&CK release Aegis last synced, such as `19.0`, when known. */
  attackRelease?: string;
  /** The platform filter, as ATT&CK spells it. */
  platform?: string;
  entityRef?: string;
  maxAgeDays: number;
}

function appearanceOf(technique: TechniqueCoverage): Appearance {
  if (technique.status === 'not_covered') {
    return technique.confirmedGap ? 'gap' : 'none';
  }
  return technique.status;
}

function commentOf(technique: TechniqueCoverage, maxAgeDays: number): string {
  const { tests } = technique;
  const parts = [APPEARANCE[appearanceOf(technique)].label];
  if (technique.via === 'subtechniques') {
    parts.push('from its sub-techniques');
  }
  if (tests.total === 0) {
    parts.push('no Aegis tests');
  } else {
    parts.push(
      `${tests.total} test${tests.total === 1 ? '' : 's'}: ` +
        `${tests.validated} validated, ${tests.inProgress} in progress`,
    );
  }
  const outcomes = describeOutcomes(tests.outcomes);
  if (outcomes) {
    parts.push(`outcomes ${outcomes}`);
  }
  if (technique.lastValidatedAt) {
    parts.push(`last validated ${technique.lastValidatedAt.slice(0, 10)}`);
  }
  if (technique.stale) {
    parts.push(`stale (older than ${maxAgeDays} days)`);
  }
  return `${parts.join('. ')}.`;
}

function metadataOf(technique: TechniqueCoverage): NavigatorMetadata[] {
  const { tests } = technique;
  return [
    { name: 'Status', value: technique.status },
    { name: 'Confirmed gap', value: technique.confirmedGap ? 'yes' : 'no' },
    { name: 'Stale', value: technique.stale ? 'yes' : 'no' },
    { name: 'Tests', value: String(tests.total) },
    { name: 'Validated tests', value: String(tests.validated) },
    { name: 'Tests in progress', value: String(tests.inProgress) },
    { name: 'Outcomes', value: describeOutcomes(tests.outcomes) || 'none' },
    { name: 'Last validated', value: technique.lastValidatedAt ?? 'never' },
  ];
}

/**
 * Builds a Navigator layer of coverage: one annotation per technique and
 * tactic (so the colour shows in every column the technique appears in),
 * scored and coloured by status, with test counts and outcomes in the
 * comment and a link to the technique's page in Aegis.
 */
export function buildNavigatorLayer(
  input: NavigatorLayerInput,
): NavigatorLayer {
  const baseUrl = input.appBaseUrl.replace(/\/+$/, '');
  const testedParents = new Set(
    input.techniques
      .filter(t => t.parentMitreId && t.tests.total > 0)
      .map(t => t.parentMitreId),
  );

  // Aegis's custom techniques (X0001) are unknown to the Navigator.
  const known = input.techniques.filter(t => ATTACK_ID.test(t.mitreId));
  const techniques = known.flatMap(technique => {
    const appearance = APPEARANCE[appearanceOf(technique)];
    const annotation = {
      techniqueID: technique.mitreId,
      score: appearance.score,
      color: appearance.color,
      comment: commentOf(technique, input.maxAgeDays),
      enabled: true,
      metadata: metadataOf(technique),
      links: [
        {
          label: 'Open in Aegis',
          url: `${baseUrl}/aegis/techniques/${encodeURIComponent(
            technique.mitreId,
          )}`,
        },
      ],
      showSubtechniques: testedParents.has(technique.mitreId),
    };
    if (!technique.tactics.length) {
      return [annotation];
    }
    return technique.tactics.map(tactic => ({ ...annotation, tactic }));
  });

  const scope = [
    input.platform && `platform ${input.platform}`,
    input.entityRef && `entity ${input.entityRef}`,
  ].filter(Boolean);
  const { counts } = input;

  return {
    name: `Aegis coverage, ${DOMAIN_NAMES[input.domain]}${
      scope.length ? ` (${scope.join(', ')})` : ''
    }`,
    // No `attack` version: the Navigator refuses a layer whose release it
    // does not ship, and opens one without it in its latest release.
    versions: { navigator: NAVIGATOR_VERSION, layer: NAVIGATOR_LAYER_VERSION },
    domain: input.domain,
    description:
      'Detection coverage validated by red and blue teams in Aegis. ' +
      'Score 100 validated, 50 partial, 25 in progress, 0 not covered.',
    ...(input.platform && { filters: { platforms: [input.platform] } }),
    sorting: 0,
    layout: {
      layout: 'side',
      showID: true,
      showName: true,
      showAggregateScores: false,
      countUnscored: false,
      aggregateFunction: 'average',
      expandedSubtechniques: 'annotated',
    },
    hideDisabled: false,
    techniques,
    gradient: {
      colors: [
        APPEARANCE.gap.color,
        APPEARANCE.partial.color,
        APPEARANCE.validated.color,
      ],
      minValue: 0,
      maxValue: 100,
    },
    legendItems: (Object.keys(APPEARANCE) as Appearance[]).map(key => ({
      label: APPEARANCE[key].label,
      color: APPEARANCE[key].color,
    })),
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
    metadata: [
      { name: 'Generated by', value: 'Aegis' },
      { name: 'Generated at', value: input.generatedAt },
      { name: 'ATT&CK release', value: input.attackRelease ?? 'unknown' },
      { name: 'Platform', value: input.platform ?? 'all' },
      { name: 'Entity', value: input.entityRef ?? 'all' },
      { name: 'Techniques', value: String(counts.total) },
      { name: 'Validated', value: String(counts.validated) },
      { name: 'Partial', value: String(counts.partial) },
      { name: 'In progress', value: String(counts.in_progress) },
      { name: 'Not covered', value: String(counts.not_covered) },
      { name: 'Confirmed gaps', value: String(counts.confirmedGaps) },
      { name: 'Stale', value: String(counts.stale) },
      { name: 'Stale after (days)', value: String(input.maxAgeDays) },
    ],
    links: [{ label: 'Aegis coverage matrix', url: `${baseUrl}/aegis/matrix` }],
  };
}
