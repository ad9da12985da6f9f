import { AegisClient } from '@aegis-security/plugin-aegis-common';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import SecurityIcon from '@material-ui/icons/Security';
import { aegisApiRef } from './api/aegisApiRef';
import {
  matrixRouteRef,
  rootRouteRef,
  syncRouteRef,
  techniqueRouteRef,
  usersRouteRef,
} from './routes';

const aegisApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: aegisApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AegisClient({ discoveryApi, fetchApi }),
    }),
});

const aegisPage = PageBlueprint.make({
  params: {
    path: '/aegis',
    routeRef: rootRouteRef,
    title: 'ATT&CK Coverage',
    icon: <SecurityIcon />,
    loader: () =>
      import('./components/AegisRoutes').then(m => <m.AegisRoutes />),
  },
});

/**
 * The Aegis frontend plugin for the new frontend system; its page also adds
 * the "ATT&CK Coverage" sidebar item.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aegis',
  title: 'ATT&CK Coverage',
  icon: <SecurityIcon />,
  routes: {
    root: rootRouteRef,
    users: usersRouteRef,
    sync: syncRouteRef,
    matrix: matrixRouteRef,
    technique: techniqueRouteRef,
  },
  extensions: [aegisApi, aegisPage],
});
