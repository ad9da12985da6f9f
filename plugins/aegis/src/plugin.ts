import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { aegisApiFactory } from './api/aegisApiFactory';
import { evidenceUploadApiFactory } from './api/evidenceUploadApiFactory';
import { aegisRoutes, rootRouteRef } from './routes';

/**
 * The Aegis frontend plugin for portals on the legacy frontend system.
 *
 * @public
 */
export const aegisPlugin = createPlugin({
  id: 'aegis',
  routes: aegisRoutes,
  apis: [aegisApiFactory, evidenceUploadApiFactory],
});

/**
 * The Aegis pages, to mount under a route such as `/aegis`: the home page and,
 * below it, `matrix` for the ATT&CK matrix, `techniques/:mitreId` for one
 * technique, `tests` for security tests (`tests/new`, `tests/:id`) and
 * `admin/users` for user and role administration.
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
