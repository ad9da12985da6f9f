import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import SecurityIcon from '@material-ui/icons/Security';
import { aegisApiFactory } from './api/aegisApiFactory';
import { evidenceUploadApiFactory } from './api/evidenceUploadApiFactory';
import { aegisRoutes, rootRouteRef } from './routes';

const aegisApi = ApiBlueprint.make({
  params: defineParams => defineParams(aegisApiFactory),
});

const evidenceUploadApi = ApiBlueprint.make({
  name: 'evidence-upload',
  params: defineParams => defineParams(evidenceUploadApiFactory),
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
  routes: aegisRoutes,
  extensions: [aegisApi, evidenceUploadApi, aegisPage],
});
