import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  RELATION_TESTED_AGAINST,
  RELATION_TESTED_FOR,
  TACTIC_KIND,
  TECHNIQUE_KIND,
} from '../model';
import { validateAegisEntity } from './validateSpec';

/**
 * Makes the catalog accept Technique and Tactic entities and relates them:
 * a technique is part of its tactics (a sub-technique also of its parent
 * technique), is tested against the entities of `spec.testedAgainst`, and
 * both kinds are owned by `spec.owner`. Every relation is emitted with its
 * reverse, as the catalog stores each direction separately.
 *
 * @public
 */
export class AegisTechniqueProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AegisTechniqueProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    return validateAegisEntity(entity);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!validateAegisEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const namespace = self.namespace;
    const relate = (
      target: CompoundEntityRef,
      type: string,
      reverseType: string,
    ) => {
      emit(processingResult.relation({ source: self, type, target }));
      emit(
        processingResult.relation({
          source: target,
          type: reverseType,
          target: self,
        }),
      );
    };

    relate(
      parseEntityRef(entity.spec.owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
      RELATION_OWNED_BY,
      RELATION_OWNER_OF,
    );

    if (entity.kind !== TECHNIQUE_KIND) {
      return entity;
    }
    for (const tactic of entity.spec.tactics) {
      relate(
        { kind: TACTIC_KIND, namespace, name: tactic },
        RELATION_PART_OF,
        RELATION_HAS_PART,
      );
    }
    if (entity.spec.isSubtechnique && entity.spec.parent) {
      relate(
        { kind: TECHNIQUE_KIND, namespace, name: entity.spec.parent },
        RELATION_PART_OF,
        RELATION_HAS_PART,
      );
    }
    for (const ref of entity.spec.testedAgainst) {
      relate(
        parseEntityRef(ref, {
          defaultKind: 'component',
          defaultNamespace: namespace,
        }),
        RELATION_TESTED_AGAINST,
        RELATION_TESTED_FOR,
      );
    }
    return entity;
  }
}
