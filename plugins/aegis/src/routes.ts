import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The Aegis home page, mounted at `/aegis`. */
export const rootRouteRef = createRouteRef({ id: 'aegis' });

/** The "Users & roles" administration page, below the Aegis home page. */
export const usersRouteRef = createSubRouteRef({
  id: 'aegis.users',
  parent: rootRouteRef,
  path: '/admin/users',
});

/** The ATT&CK matrix, below the Aegis home page. */
export const matrixRouteRef = createSubRouteRef({
  id: 'aegis.matrix',
  parent: rootRouteRef,
  path: '/matrix',
});

/** The page of one ATT&CK technique or sub-technique, by its ATT&CK ID. */
export const techniqueRouteRef = createSubRouteRef({
  id: 'aegis.technique',
  parent: rootRouteRef,
  path: '/techniques/:mitreId',
});

/** ATT&CK sync history and "sync now", for administrators. */
export const syncRouteRef = createSubRouteRef({
  id: 'aegis.sync',
  parent: rootRouteRef,
  path: '/admin/sync',
});

/** The list of security tests, below the Aegis home page. */
export const testsRouteRef = createSubRouteRef({
  id: 'aegis.tests',
  parent: rootRouteRef,
  path: '/tests',
});

/** The form that creates a security test. */
export const createTestRouteRef = createSubRouteRef({
  id: 'aegis.tests.new',
  parent: rootRouteRef,
  path: '/tests/new',
});

/** The page of one security test, by its ID. */
export const testRouteRef = createSubRouteRef({
  id: 'aegis.test',
  parent: rootRouteRef,
  path: '/tests/:id',
});

/** The reusable test templates, and the tests made from them. */
export const templatesRouteRef = createSubRouteRef({
  id: 'aegis.templates',
  parent: rootRouteRef,
  path: '/templates',
});

/** Coverage and test metrics as charts. */
export const dashboardRouteRef = createSubRouteRef({
  id: 'aegis.dashboard',
  parent: rootRouteRef,
  path: '/dashboard',
});

/** Coverage, test result and remediation reports with their downloads. */
export const reportsRouteRef = createSubRouteRef({
  id: 'aegis.reports',
  parent: rootRouteRef,
  path: '/reports',
});

/** The ATT&CK tab of a catalog Component or System, for legacy apps. */
export const entityCoverageRouteRef = createRouteRef({
  id: 'aegis.entity-coverage',
});

/** The route refs both frontend systems expose, by name. */
export const aegisRoutes = {
  root: rootRouteRef,
  users: usersRouteRef,
  sync: syncRouteRef,
  matrix: matrixRouteRef,
  technique: techniqueRouteRef,
  tests: testsRouteRef,
  createTest: createTestRouteRef,
  test: testRouteRef,
  templates: templatesRouteRef,
  dashboard: dashboardRouteRef,
  reports: reportsRouteRef,
};
