import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AegisPermissionPolicy } from './AegisPermissionPolicy';
import { AegisRoleClient } from './AegisRoleClient';

/**
 * Installs the Aegis permission policy in the permission plugin, replacing
 * an allow-all policy.
 *
 * @public
 */
export const permissionModuleAegisPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'aegis-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        policy: policyExtensionPoint,
      },
      async init({ config, logger, auth, discovery, policy }) {
        const roles = new AegisRoleClient({
          auth,
          discovery,
          cacheSeconds: config.getOptionalNumber(
            'aegis.access.policyCacheSeconds',
          ),
        });

        policy.setPolicy(
          new AegisPermissionPolicy({
            roles,
            logger,
            viewerMayDownloadEvidence:
              config.getOptionalBoolean(
                'aegis.access.viewerMayDownloadEvidence',
              ) ?? false,
          }),
        );
      },
    });
  },
});
