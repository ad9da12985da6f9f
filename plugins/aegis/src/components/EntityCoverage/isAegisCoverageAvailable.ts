import type { Entity } from '@backstage/catalog-model';

const KINDS = ['component', 'system'];

/**
 * Whether an entity can have ATT&CK coverage: tests run against Components,
 * and a System counts the tests of its Components.
 *
 * @public
 */
export function isAegisCoverageAvailable(entity: Entity): boolean {
  return KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
