import { aegisPermissions } from '@aegis-security/plugin-aegis-common';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DatabaseAuditStore } from './audit/DatabaseAuditStore';
import { applyMigrations } from './database/migrations';
import { assertPermissionsEnabled } from './lib/config';
import { createRouter } from './service/router';

/**
 * The Aegis backend plugin, mounted at `/api/aegis`.
 *
 * @public
 */
export const aegisPlugin = createBackendPlugin({
  pluginId: 'aegis',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
      }) {
        assertPermissionsEnabled(config);
        permissionsRegistry.addPermissions(aegisPermissions);

        const db = await database.getClient();
        await applyMigrations(database, db);

        const router = await createRouter({
          db,
          logger,
          httpAuth,
          permissions,
          auditStore: new DatabaseAuditStore(db),
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/openapi.json',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
