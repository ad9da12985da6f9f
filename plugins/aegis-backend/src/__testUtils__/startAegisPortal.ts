import devSignInModule from '@aegis-security/plugin-auth-backend-module-aegis-dev-provider';
import aegisPolicyModule from '@aegis-security/plugin-permission-backend-module-aegis-policy';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { FIXTURE_BUNDLE } from '../attack/config';
import { aegisPlugin } from '../plugin';
import { DEMO_ROLES_CONFIG, demoCatalogEntities } from './demoCatalog';

/** The static token of the read-only automation of the README. */
export const AUTOMATION_TOKEN = 'automation-token-for-tests-0123456789';

/** The permissions the README grants the read-only automation token. */
export const AUTOMATION_PERMISSIONS = [
  'aegis.technique.read',
  'aegis.test.read',
  'aegis.template.read',
  'aegis.evidence.read',
  'aegis.report.read',
];

/** Aegis on the test database; every other plugin on its own SQLite. */
function databaseFactory(aegisKnex: Knex) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => {
      const knex =
        plugin.getId() === 'aegis'
          ? aegisKnex
          : knexFactory({
              client: 'better-sqlite3',
              connection: ':memory:',
              useNullAsDefault: true,
            });
      return { getClient: async () => knex };
    },
  });
}

/**
 * Starts Aegis as the portal runs it, with real tokens: the auth plugin with
 * the development sign-in issues user tokens, an external-access static token
 * stands for automation, and the real permission plugin with the Aegis policy
 * asks Aegis for roles over HTTP. The catalog holds the demo organisation.
 */
export async function startAegisPortal(options: {
  knex: Knex;
  extraUsers?: string[];
  aegisConfig?: Record<string, unknown>;
}) {
  const backend = await startTestBackend({
    features: [
      aegisPlugin,
      permissionPlugin,
      aegisPolicyModule,
      notificationsPlugin,
      authPlugin,
      devSignInModule,
      authServiceFactory,
      httpAuthServiceFactory,
      databaseFactory(options.knex),
      catalogServiceMock.factory({
        entities: demoCatalogEntities(options.extraUsers),
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          permission: { enabled: true },
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: AUTOMATION_TOKEN, subject: 'automation' },
                  accessRestrictions: [
                    { plugin: 'aegis', permission: AUTOMATION_PERMISSIONS },
                  ],
                },
              ],
            },
          },
          auth: {
            environment: 'development',
            providers: { 'aegis-dev': { development: {} } },
          },
          aegis: {
            roles: DEMO_ROLES_CONFIG,
            access: { defaultRole: 'none', policyCacheSeconds: 0 },
            attack: {
              sources: { file: { 'enterprise-attack': FIXTURE_BUNDLE } },
            },
            evidence: {
              local: {
                directory: mkdtempSync(join(tmpdir(), 'aegis-evidence-')),
              },
            },
            ...options.aegisConfig,
          },
        },
      }),
    ],
  });

  const tokens = new Map<string, string>();
  /** A real Backstage user token, from the development sign-in. */
  async function userToken(name: string): Promise<string> {
    if (!tokens.has(name)) {
      const response = await request(backend.server)
        .get('/api/auth/aegis-dev/refresh')
        .set('x-aegis-dev-user', name);
      if (response.status !== 200) {
        throw new Error(`Could not sign in as ${name}: ${response.text}`);
      }
      tokens.set(name, response.body.backstageIdentity.token);
    }
    return tokens.get(name)!;
  }

  return { server: backend.server, userToken };
}
