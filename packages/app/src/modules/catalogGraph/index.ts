import {
  RELATION_TESTED_AGAINST,
  RELATION_TESTED_FOR,
} from '@aegis-security/plugin-aegis-common';
import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';

/**
 * The catalog graph knows only Backstage's own relations: this adds the
 * relation between ATT&CK techniques and the services tested against them,
 * so that entity pages and the graph page draw it.
 */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              knownRelations: [
                ...ALL_RELATIONS,
                RELATION_TESTED_AGAINST,
                RELATION_TESTED_FOR,
              ],
              knownRelationPairs: [
                ...ALL_RELATION_PAIRS,
                [RELATION_TESTED_AGAINST, RELATION_TESTED_FOR],
              ],
              defaultRelationTypes: { exclude: [] },
            }),
        }),
    }),
  ],
});
