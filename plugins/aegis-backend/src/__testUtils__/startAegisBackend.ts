import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { aegisPlugin } from '../plugin';

/** Starts a test backend with the Aegis plugin on the given database. */
export async function startAegisBackend(options: {
  knex: Knex;
  permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  config?: Record<string, unknown>;
}) {
  return startTestBackend({
    features: [
      aegisPlugin,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true }, ...options.config },
      }),
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.permissions.factory({
        result: options.permissionResult ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
}
