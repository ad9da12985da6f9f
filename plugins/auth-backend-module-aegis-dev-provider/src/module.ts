import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { isDevSignInActive } from './activation';
import { devSignInAuthenticator } from './authenticator';
import { AEGIS_DEV_PROVIDER_ID } from './constants';

/**
 * Registers the `aegis-dev` sign-in provider when
 * `auth.providers.aegis-dev.<auth.environment>` is configured.
 *
 * @public
 */
export const authModuleAegisDevProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'aegis-dev-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        providers: authProvidersExtensionPoint,
      },
      async init({ config, logger, providers }) {
        if (!isDevSignInActive(config, process.env.NODE_ENV)) {
          return;
        }
        logger.warn(
          `The ${AEGIS_DEV_PROVIDER_ID} sign-in is enabled: anyone who reaches this backend can act as any catalog user`,
        );

        providers.registerProvider({
          providerId: AEGIS_DEV_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: devSignInAuthenticator,
            async signInResolver({ result }, ctx) {
              // Signing in only works for users that exist in the catalog.
              return ctx.signInWithCatalogUser({
                entityRef: stringifyEntityRef({
                  kind: 'User',
                  namespace: 'default',
                  name: result.userName,
                }),
              });
            },
          }),
        });
      },
    });
  },
});
