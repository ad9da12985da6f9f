import { InputError } from '@backstage/errors';
import { z } from 'zod';
import {
  AttackDataset,
  AttackDomain,
  DetectionStrategyRef,
  Tactic,
  Technique,
} from './model';
import {
  attackPatternObject,
  collectionObject,
  detectionStrategyObject,
  matrixObject,
  relationshipObject,
  stixBundle,
  StixObject,
  stixObject,
  tacticObject,
} from './schemas';

/** Sources of ATT&CK ids; Mobile and ICS bundles use more than one. */
const ATTACK_SOURCES = new Set([
  'mitre-attack',
  'mitre-mobile-attack',
  'mitre-ics-attack',
]);
const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;
const TACTIC_ID = /^TA\d{4}$/;
const DETECTION_STRATEGY_ID = /^DET\d{4}$/;

/**
 * Reads the tactics and techniques of one ATT&CK domain from a STIX 2.0 or
 * 2.1 bundle. Objects that appear more than once keep their newest
 * `modified` version; ATT&CK ids come from the ATT&CK external reference,
 * wherever it stands; tactic order comes from the domain's matrices.
 */
export function parseAttackBundle(
  input: unknown,
  domain: AttackDomain,
): AttackDataset {
  const bundle = stixBundle.safeParse(input);
  if (!bundle.success) {
    throw new InputError(
      `Not a STIX bundle: ${bundle.error.issues
        .map(issue => `${issue.path.map(String).join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }

  const objects = newestVersions(bundle.data.objects);
  const ofType = <T extends z.ZodType>(type: string, schema: T) =>
    objects
      .filter(object => object.type === type)
      .flatMap(object => {
        const parsed = schema.safeParse(object);
        return parsed.success ? [parsed.data as z.infer<T>] : [];
      });

  const collection = ofType('x-mitre-collection', collectionObject)[0];
  const tactics = orderedTactics(
    ofType('x-mitre-tactic', tacticObject),
    ofType('x-mitre-matrix', matrixObject),
  );
  const relationships = ofType('relationship', relationshipObject);
  const patterns = ofType('attack-pattern', attackPatternObject);
  const strategies = ofType(
    'x-mitre-detection-strategy',
    detectionStrategyObject,
  );

  const mitreIdByStixId = new Map<string, string>();
  for (const pattern of patterns) {
    const id = attackIdOf(pattern, TECHNIQUE_ID);
    if (id) mitreIdByStixId.set(pattern.id, id);
  }
  const links = linksOf(relationships, mitreIdByStixId, strategies);

  const techniques: Technique[] = patterns.flatMap(pattern => {
    const mitreId = mitreIdByStixId.get(pattern.id);
    if (!mitreId) return [];
    const reference = attackReferenceOf(pattern, TECHNIQUE_ID);
    const isSubtechnique =
      pattern.x_mitre_is_subtechnique ?? mitreId.includes('.');
    return [
      {
        stixId: pattern.id,
        mitreId,
        name: pattern.name,
        description: pattern.description,
        url: reference?.url,
        platforms: pattern.x_mitre_platforms ?? [],
        tactics: (pattern.kill_chain_phases ?? [])
          .filter(phase => ATTACK_SOURCES.has(phase.kill_chain_name))
          .map(phase => phase.phase_name),
        isSubtechnique,
        parentMitreId: isSubtechnique
          ? links.parentOf.get(pattern.id) ?? mitreId.split('.')[0]
          : undefined,
        version: pattern.x_mitre_version,
        modified: pattern.modified,
        detection: pattern.x_mitre_detection,
        dataSources: pattern.x_mitre_data_sources ?? [],
        detectionStrategies: links.strategiesOf.get(pattern.id) ?? [],
        deprecated: pattern.x_mitre_deprecated === true,
        revoked: pattern.revoked === true,
        revokedBy: links.revokedBy.get(pattern.id),
      },
    ];
  });

  return {
    domain,
    release: collection?.x_mitre_version,
    tactics,
    techniques,
    detectionStrategyCount: strategies.length,
    analyticCount: objects.filter(object => object.type === 'x-mitre-analytic')
      .length,
  };
}

/** Keeps, for each id, the version with the newest `modified`. */
function newestVersions(raw: unknown[]): StixObject[] {
  const newest = new Map<string, StixObject>();
  for (const candidate of raw) {
    const parsed = stixObject.safeParse(candidate);
    if (!parsed.success) continue;
    const object = parsed.data;
    const known = newest.get(object.id);
    if (!known || (object.modified ?? '') > (known.modified ?? '')) {
      newest.set(object.id, object);
    }
  }
  return [...newest.values()];
}

function attackReferenceOf(object: StixObject, pattern: RegExp) {
  return object.external_references?.find(
    reference =>
      ATTACK_SOURCES.has(reference.source_name) &&
      pattern.test(reference.external_id ?? ''),
  );
}

function attackIdOf(object: StixObject, pattern: RegExp): string | undefined {
  return attackReferenceOf(object, pattern)?.external_id;
}

/**
 * Tactics in matrix order: the tactic_refs of the domain's active matrices
 * one after the other, then any tactic no active matrix lists.
 */
function orderedTactics(
  tacticObjects: Array<z.infer<typeof tacticObject>>,
  matrices: Array<z.infer<typeof matrixObject>>,
): Tactic[] {
  const order = new Map<string, number>();
  for (const matrix of matrices.filter(
    m => !m.revoked && !m.x_mitre_deprecated,
  )) {
    for (const ref of matrix.tactic_refs) {
      if (!order.has(ref)) order.set(ref, order.size);
    }
  }

  return tacticObjects
    .flatMap(tactic => {
      const reference = attackReferenceOf(tactic, TACTIC_ID);
      if (!reference?.external_id) return [];
      return [
        {
          stixId: tactic.id,
          attackId: reference.external_id,
          name: tactic.name,
          shortname: tactic.x_mitre_shortname,
          description: tactic.description,
          url: reference.url,
          deprecated:
            tactic.x_mitre_deprecated === true || tactic.revoked === true,
        },
      ];
    })
    .sort(
      (a, b) =>
        (order.get(a.stixId) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.stixId) ?? Number.MAX_SAFE_INTEGER) ||
        a.attackId.localeCompare(b.attackId),
    );
}

/** Parents, replacements and detection strategies, from relationships. */
function linksOf(
  relationships: Array<z.infer<typeof relationshipObject>>,
  mitreIdByStixId: Map<string, string>,
  strategies: Array<z.infer<typeof detectionStrategyObject>>,
) {
  const parentOf = new Map<string, string>();
  const revokedBy = new Map<string, string>();
  const strategiesOf = new Map<string, DetectionStrategyRef[]>();
  const strategyById = new Map(strategies.map(s => [s.id, s]));

  for (const relationship of relationships) {
    if (relationship.revoked || relationship.x_mitre_deprecated) continue;
    const target = mitreIdByStixId.get(relationship.target_ref);
    if (!target) continue;

    if (relationship.relationship_type === 'subtechnique-of') {
      parentOf.set(relationship.source_ref, target);
    } else if (relationship.relationship_type === 'revoked-by') {
      revokedBy.set(relationship.source_ref, target);
    } else if (relationship.relationship_type === 'detects') {
      const strategy = strategyById.get(relationship.source_ref);
      const attackId = strategy && attackIdOf(strategy, DETECTION_STRATEGY_ID);
      if (strategy && attackId) {
        const list = strategiesOf.get(relationship.target_ref) ?? [];
        list.push({ attackId, name: strategy.name });
        strategiesOf.set(relationship.target_ref, list);
      }
    }
  }
  return { parentOf, revokedBy, strategiesOf };
}
