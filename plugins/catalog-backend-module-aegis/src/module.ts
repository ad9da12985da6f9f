import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { AegisTechniqueProcessor } from './processor/AegisTechniqueProcessor';
import { AegisTechniqueEntityProvider } from './provider/AegisTechniqueEntityProvider';

/**
 * Shows ATT&CK techniques and tactics, with their Aegis coverage, in the
 * catalog and relates techniques to the services they are tested against.
 *
 * @public
 */
export const catalogModuleAegis = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aegis',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ catalog, config, logger, scheduler, auth, discovery }) {
        catalog.addProcessor(new AegisTechniqueProcessor());
        catalog.addEntityProvider(
          AegisTechniqueEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            auth,
            discovery,
          }),
        );
      },
    });
  },
});
