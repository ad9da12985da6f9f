import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { Knex } from 'knex';
import { DatabaseAuditStore } from '../audit/DatabaseAuditStore';
import { UserAdministration } from '../roles/UserAdministration';
import { createRouter } from '../service/router';
import { RouteContext } from '../service/types';
import { loadOpenApiDocument } from './openapi';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
};

/** Every `METHOD /path` the router serves, in OpenAPI's path syntax. */
function routesOf(router: express.Router): string[] {
  const routes = new Array<string>();
  for (const layer of router.stack as Layer[]) {
    if (!layer.route) continue;
    const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
    for (const method of Object.keys(layer.route.methods)) {
      routes.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return routes.sort();
}

describe('openapi.yaml', () => {
  it('documents exactly the routes the router serves', async () => {
    const knex = {} as Knex;
    const router = await createRouter({
      db: knex,
      logger: mockServices.logger.mock(),
      httpAuth: mockServices.httpAuth.mock(),
      permissions: mockServices.permissions.mock(),
      permissionsRegistry: mockServices.permissionsRegistry.mock(),
      auditStore: new DatabaseAuditStore(knex),
      auditor: mockServices.auditor.mock(),
      // Only the route table is read: no handler runs in this test.
      userAdministration: {} as UserAdministration,
      accessOptions: {},
      attackSettings: { domains: [], maxBundleBytes: 0 },
      appBaseUrl: 'http://localhost:3000',
      ...({} as Pick<
        RouteContext,
        | 'attackStore'
        | 'attackSync'
        | 'techniqueStore'
        | 'testAccess'
        | 'testRepository'
        | 'testWorkflow'
        | 'testNotifier'
        | 'evidenceService'
        | 'templateStore'
        | 'customTechniques'
        | 'coverageStore'
        | 'coverageSnapshots'
        | 'coverageSettings'
        | 'entityScope'
        | 'readCache'
      >),
    });
    const document = await loadOpenApiDocument();

    const documented = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter(method => HTTP_METHODS.includes(method))
          .map(method => `${method.toUpperCase()} ${path}`),
      )
      .sort();

    expect(documented).toEqual(routesOf(router));
  });

  it('gives every operation an id and every error a JSON body', async () => {
    const document = await loadOpenApiDocument();

    for (const item of Object.values(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.includes(method)) continue;
        const op = operation as { operationId?: string; responses: object };
        expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
  });
});
