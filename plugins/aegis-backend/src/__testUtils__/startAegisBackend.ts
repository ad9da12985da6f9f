import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aegisPlugin } from '../plugin';

/**
 * Starts the Aegis plugin alone on the given database, with every permission
 * check answering the given result; for behaviour that does not depend on
 * roles. startAegisPortal runs the real policy.
 */
export async function startAegisBackend(options: {
  knex: Knex;
  permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  config?: Record<string, unknown>;
}) {
  return startTestBackend({
    features: [
      aegisPlugin,
      catalogServiceMock.factory(),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          permission: { enabled: true },
          aegis: {
            evidence: {
              local: {
                directory: mkdtempSync(join(tmpdir(), 'aegis-evidence-')),
              },
            },
          },
          ...options.config,
        },
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
