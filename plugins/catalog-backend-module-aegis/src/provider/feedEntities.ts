import { CatalogTechniqueFeed } from '@aegis-security/plugin-aegis-common';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  EntityLink,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AEGIS_API_VERSION,
  ANNOTATION_ATTACK_ID,
  TACTIC_KIND,
  TacticEntity,
  TECHNIQUE_KIND,
  TechniqueEntity,
} from '../model';

type FeedTactic = CatalogTechniqueFeed['tactics'][number];
type FeedTechnique = CatalogTechniqueFeed['techniques'][number];

/** Where the provider says its entities come from. */
export const FEED_LOCATION = 'aegis:/catalog/techniques';

const LIFECYCLE = 'production';

/** How the feed's entities are written. */
export interface FeedEntityOptions {
  owner: string;
  /** The portal's address, for a link to the technique's Aegis page. */
  appBaseUrl?: string;
}

/** The entities of a feed, and the ATT&CK IDs that could not become one. */
export interface FeedEntities {
  entities: Entity[];
  /** IDs that are not valid entity names, or that appear twice. */
  skipped: string[];
}

const validator = makeValidator();

/**
 * Turns the feed into one Tactic entity per tactic and one Technique entity
 * per technique. Arrays are sorted so that an unchanged technique always
 * gives the same entity, whatever order Aegis listed things in.
 */
export function feedToEntities(
  feed: CatalogTechniqueFeed,
  options: FeedEntityOptions,
): FeedEntities {
  const skipped: string[] = [];
  const seen = new Set<string>();
  const keep = (entity: Entity) => {
    const ref = stringifyEntityRef(entity);
    if (!validator.isValidEntityName(entity.metadata.name) || seen.has(ref)) {
      skipped.push(entity.metadata.name);
      return false;
    }
    seen.add(ref);
    return true;
  };

  // Technique data names tactics by shortname, which repeats across domains.
  const tacticsByDomain = new Map<string, Map<string, FeedTactic>>();
  for (const tactic of feed.tactics) {
    const byShortname = tacticsByDomain.get(tactic.domain) ?? new Map();
    byShortname.set(tactic.shortname, tactic);
    tacticsByDomain.set(tactic.domain, byShortname);
  }

  const tactics = feed.tactics
    .map(tactic => tacticEntity(tactic, options))
    .filter(keep);
  const techniques = feed.techniques
    .map(technique =>
      techniqueEntity(
        technique,
        tacticsByDomain.get(technique.domain) ?? new Map(),
        options,
      ),
    )
    .filter(keep);

  return { entities: [...tactics, ...techniques], skipped };
}

function tacticEntity(
  tactic: FeedTactic,
  options: FeedEntityOptions,
): TacticEntity {
  return {
    apiVersion: AEGIS_API_VERSION,
    kind: TACTIC_KIND,
    metadata: {
      name: tactic.attackId,
      namespace: 'default',
      title: `${tactic.attackId} ${tactic.name}`,
      annotations: annotations(tactic.attackId),
      tags: [tactic.domain],
      links: attackLinks(tactic.url),
    },
    spec: {
      mitreId: tactic.attackId,
      domain: tactic.domain,
      shortname: tactic.shortname,
      order: tactic.order,
      ...(tactic.url ? { url: tactic.url } : {}),
      owner: options.owner,
      lifecycle: LIFECYCLE,
    },
  };
}

function techniqueEntity(
  technique: FeedTechnique,
  tactics: Map<string, FeedTactic>,
  options: FeedEntityOptions,
): TechniqueEntity {
  const tacticIds = technique.tactics
    .map(shortname => tactics.get(shortname))
    .filter((tactic): tactic is FeedTactic => tactic !== undefined)
    .sort((a, b) => a.order - b.order)
    .map(tactic => tactic.attackId);

  const links = attackLinks(technique.url);
  if (options.appBaseUrl) {
    links.push({
      url: `${options.appBaseUrl}/aegis/techniques/${encodeURIComponent(
        technique.mitreId,
      )}`,
      title: 'Coverage in Aegis',
    });
  }

  return {
    apiVersion: AEGIS_API_VERSION,
    kind: TECHNIQUE_KIND,
    metadata: {
      name: technique.mitreId,
      namespace: 'default',
      title: `${technique.mitreId} ${technique.name}`,
      annotations: annotations(technique.mitreId),
      tags: techniqueTags(technique),
      links,
    },
    spec: {
      mitreId: technique.mitreId,
      domain: technique.domain,
      tactics: [...new Set(tacticIds)],
      platforms: [...new Set(technique.platforms)].sort(),
      ...(technique.url ? { url: technique.url } : {}),
      isSubtechnique: technique.isSubtechnique,
      ...(technique.parentMitreId ? { parent: technique.parentMitreId } : {}),
      coverage: {
        status: technique.status,
        confirmedGap: technique.confirmedGap,
        stale: technique.stale,
      },
      testedAgainst: normalizeRefs(technique.testedEntityRefs ?? []),
      owner: options.owner,
      lifecycle: LIFECYCLE,
    },
  };
}

function annotations(attackId: string): Record<string, string> {
  return {
    [ANNOTATION_LOCATION]: FEED_LOCATION,
    [ANNOTATION_ORIGIN_LOCATION]: FEED_LOCATION,
    [ANNOTATION_ATTACK_ID]: attackId,
  };
}

function attackLinks(url: string | undefined): EntityLink[] {
  return url ? [{ url, title: 'MITRE ATT&CK' }] : [];
}

/** Catalog tags allow no underscores: `not_covered` becomes `not-covered`. */
function techniqueTags(technique: FeedTechnique): string[] {
  return [
    technique.domain,
    technique.status.replace(/_/g, '-'),
    ...(technique.confirmedGap ? ['confirmed-gap'] : []),
    ...(technique.stale ? ['stale'] : []),
    ...(technique.isSubtechnique ? ['sub-technique'] : []),
  ];
}

/** Full, sorted, distinct entity refs; what is not a ref is left out. */
function normalizeRefs(refs: string[]): string[] {
  const normalized = new Set<string>();
  for (const ref of refs) {
    try {
      normalized.add(
        stringifyEntityRef(
          parseEntityRef(ref, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          }),
        ),
      );
    } catch {
      // Aegis checks targets when a test is created; a bad one adds no edge.
    }
  }
  return [...normalized].sort();
}
