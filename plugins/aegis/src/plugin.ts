import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { aegisApiFactory } from './api/aegisApiFactory';
import { evidenceUploadApiFactory } from './api/evidenceUploadApiFactory';
import { aegisRoutes, entityCoverageRouteRef, rootRouteRef } from './routes';

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
 * below it, `dashboard` for the coverage charts, `reports` for the reports
 * and their downloads, `matrix` for the ATT&CK matrix, `techniques/:mitreId`
 * for one technique, `tests` for security tests (`tests/new`, `tests/:id`)
 * and `admin/users` for user and role administration.
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

/**
 * The "ATT&CK coverage" card for the overview of a Component or System page;
 * show it where {@link isAegisCoverageAvailable} holds.
 *
 * @public
 */
export const EntityAegisCoverageCard = aegisPlugin.provide(
  createComponentExtension({
    name: 'EntityAegisCoverageCard',
    component: {
      lazy: () =>
        import('./components/EntityCoverage').then(m => m.EntityCoverageCard),
    },
  }),
);

/**
 * The "ATT&CK" tab of a Component or System page, to mount at the path
 * `attack` so that the card's link finds it.
 *
 * @public
 */
export const EntityAegisCoverageContent = aegisPlugin.provide(
  createRoutableExtension({
    name: 'EntityAegisCoverageContent',
    component: () =>
      import('./components/EntityCoverage').then(m => m.EntityCoverageContent),
    mountPoint: entityCoverageRouteRef,
  }),
);
