import { AegisClient } from '@aegis-security/plugin-aegis-common';
import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { aegisApiRef } from './api/aegisApiRef';
import {
  matrixRouteRef,
  rootRouteRef,
  syncRouteRef,
  techniqueRouteRef,
  usersRouteRef,
} from './routes';

/**
 * The Aegis frontend plugin for portals on the legacy frontend system.
 *
 * @public
 */
export const aegisPlugin = createPlugin({
  id: 'aegis',
  routes: {
    root: rootRouteRef,
    users: usersRouteRef,
    sync: syncRouteRef,
    matrix: matrixRouteRef,
    technique: techniqueRouteRef,
  },
  apis: [
    createApiFactory({
      api: aegisApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AegisClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Aegis pages, to mount under a route such as `/aegis`: the home page and,
 * below it, `matrix` for the ATT&CK matrix, `techniques/:mitreId` for one
 * technique and `admin/users` for user and role administration.
 *
 * @public
 */
export const AegisPage = aegisPlugin.provide(
  createRoutableExtension({
    name: 'AegisPage',
    component: () =>
      import('./components/AegisRoutes').then(m => m.LegacyAegisPage),
    mountPoint: rootRouteRef,
  }),
);
