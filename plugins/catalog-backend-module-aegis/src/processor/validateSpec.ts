import { COVERAGE_STATUSES } from '@aegis-security/plugin-aegis-common';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  AEGIS_API_VERSION,
  TACTIC_KIND,
  TacticEntity,
  TECHNIQUE_KIND,
  TechniqueEntity,
} from '../model';

type Check = (value: unknown) => boolean;

const isString: Check = value => typeof value === 'string' && value !== '';
const isOptionalString: Check = value => value === undefined || isString(value);
const isBoolean: Check = value => typeof value === 'boolean';
const isNumber: Check = value =>
  typeof value === 'number' && Number.isFinite(value);
const isStringArray: Check = value =>
  Array.isArray(value) && value.every(isString);
const isEntityRef =
  (defaultKind: string): Check =>
  value => {
    if (!isString(value)) {
      return false;
    }
    try {
      parseEntityRef(value as string, { defaultKind });
      return true;
    } catch {
      return false;
    }
  };
const isEntityRefArray =
  (defaultKind: string): Check =>
  value =>
    Array.isArray(value) && value.every(isEntityRef(defaultKind));
const isCoverageStatus: Check = value =>
  COVERAGE_STATUSES.includes(value as (typeof COVERAGE_STATUSES)[number]);

/** The fields of each spec and what they must hold; others are allowed. */
const TECHNIQUE_SPEC: Record<string, Check> = {
  mitreId: isString,
  domain: isString,
  tactics: isStringArray,
  platforms: isStringArray,
  url: isOptionalString,
  isSubtechnique: isBoolean,
  parent: isOptionalString,
  'coverage.status': isCoverageStatus,
  'coverage.confirmedGap': isBoolean,
  'coverage.stale': isBoolean,
  testedAgainst: isEntityRefArray('component'),
  owner: isEntityRef('group'),
  lifecycle: isString,
};

const TACTIC_SPEC: Record<string, Check> = {
  mitreId: isString,
  domain: isString,
  shortname: isString,
  order: isNumber,
  url: isOptionalString,
  owner: isEntityRef('group'),
  lifecycle: isString,
};

const SPECS: Record<string, Record<string, Check> | undefined> = {
  [TECHNIQUE_KIND]: TECHNIQUE_SPEC,
  [TACTIC_KIND]: TACTIC_SPEC,
};

function valueAt(spec: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined,
      spec,
    );
}

function checkSpec(entity: Entity, fields: Record<string, Check>) {
  const invalid = Object.entries(fields)
    .filter(([path, check]) => !check(valueAt(entity.spec, path)))
    .map(([path]) => `spec.${path}`);
  if (invalid.length > 0) {
    throw new InputError(
      `${entity.kind} ${entity.metadata.name} has an invalid ${invalid.join(
        ', ',
      )}`,
    );
  }
}

/**
 * Whether the entity is a Technique or Tactic of this module: false for any
 * other entity, an InputError naming every invalid field of a spec of ours.
 * Fields beyond the checked ones are allowed, so that newer specs still pass.
 */
export function validateAegisEntity(
  entity: Entity,
): entity is TechniqueEntity | TacticEntity {
  if (entity.apiVersion !== AEGIS_API_VERSION) {
    return false;
  }
  const fields = SPECS[entity.kind];
  if (!fields) {
    return false;
  }
  checkSpec(entity, fields);
  return true;
}
