import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
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

/** Tests run against Components; a System counts its Components' tests. */
const coverageFilter = { kind: { $in: ['component', 'system'] } };

const entityCoverageCard = EntityCardBlueprint.make({
  name: 'attack-coverage',
  params: {
    filter: coverageFilter,
    loader: () =>
      import('./components/EntityCoverage').then(m => <m.EntityCoverageCard />),
  },
});

const entityCoverageContent = EntityContentBlueprint.make({
  name: 'attack-coverage',
  params: {
    path: 'attack',
    title: 'ATT&CK',
    filter: coverageFilter,
    loader: () =>
      import('./components/EntityCoverage').then(m => (
        <m.EntityCoverageContent />
      )),
  },
});

/**
 * The Aegis frontend plugin for the new frontend system; its page also adds
 * the "ATT&CK Coverage" sidebar item, and Component and System pages get an
 * "ATT&CK coverage" card and an "ATT&CK" tab.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aegis',
  title: 'ATT&CK Coverage',
  icon: <SecurityIcon />,
  routes: aegisRoutes,
  extensions: [
    aegisApi,
    evidenceUploadApi,
    aegisPage,
    entityCoverageCard,
    entityCoverageContent,
  ],
});
