import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityCheck } from './TestWorkflow';

/**
 * Answers which of the given entity refs the catalog does not hold, asking
 * as the Aegis plugin itself.
 */
export function catalogEntityCheck(
  catalog: CatalogService,
  auth: AuthService,
): EntityCheck {
  return async refs => {
    if (!refs.length) {
      return [];
    }
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return refs.filter((_ref, index) => !items[index]);
  };
}
