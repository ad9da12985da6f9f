import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Which catalog entities count for an entity's coverage: the entity itself
 * and, for a System, each of its Components, so that a System aggregates the
 * tests run against its services.
 */
export class EntityScope {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** The lower-case refs whose tests count for `entityRef`. */
  async refsOf(entityRef: string): Promise<string[]> {
    const ref = parseEntityRef(entityRef);
    const self = stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    if (ref.kind.toLocaleLowerCase('en-US') !== 'system') {
      return [self];
    }

    // A Component names its System in spec.system, in full or in short
    // (then relative to its own namespace); the catalog also relates them.
    const names = [self, `${ref.namespace}/${ref.name}`];
    if (ref.namespace.toLocaleLowerCase('en-US') === 'default') {
      names.push(ref.name, `system:${ref.name}`);
    }
    let items;
    try {
      ({ items } = await this.catalog.getEntities(
        {
          filter: [
            { kind: 'component', 'relations.partOf': self },
            {
              kind: 'component',
              'metadata.namespace': ref.namespace,
              'spec.system': names,
            },
          ],
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      ));
    } catch (error) {
      throw new ServiceUnavailableError(
        `The catalog could not list the Components of ${self}`,
        error,
      );
    }

    const components = items.map(item =>
      stringifyEntityRef(item).toLocaleLowerCase('en-US'),
    );
    return [self, ...[...new Set(components)].sort()];
  }
}
