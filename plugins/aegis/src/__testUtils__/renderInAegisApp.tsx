import type { AegisApi } from '@aegis-security/plugin-aegis-common';
import type { Entity } from '@backstage/catalog-model';
import type { RouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { aegisApiRef } from '../api/aegisApiRef';
import {
  evidenceUploadApiRef,
  type EvidenceUploadApi,
} from '../api/EvidenceUploadApi';
import { fakeAegisApi } from './fakeAegisApi';
import { fakeEvidenceUploader } from './fakeEvidenceUploader';
import { permissionsAllowing } from './permissions';

/** How {@link renderInAegisApp} sets up the test app. */
export interface AegisAppOptions {
  api?: AegisApi;
  uploader?: EvidenceUploadApi;
  /** Names of the permissions the signed-in user holds. */
  permissions?: string[];
  path?: string;
  /** Route refs to mount, so that pages can link to one another. */
  mountedRoutes?: { [path: string]: RouteRef };
  /** Entities of the fake catalog, for the pickers of catalog entities. */
  entities?: Entity[];
}

/**
 * Renders an element in a legacy test app with an Aegis API and a permission
 * API. Permission decisions get a cache of their own: `usePermission` keeps
 * them in a cache shared by every render, which would carry one test's
 * decisions into the next.
 */
export function renderInAegisApp(
  element: ReactElement,
  options: AegisAppOptions = {},
) {
  const {
    api = fakeAegisApi(),
    uploader = fakeEvidenceUploader(),
    permissions = [],
    path = '/',
    mountedRoutes,
    entities = [],
  } = options;

  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [aegisApiRef, api],
          [evidenceUploadApiRef, uploader],
          [permissionApiRef, permissionsAllowing(...permissions)],
          [catalogApiRef, catalogApiMock({ entities })],
        ]}
      >
        {element}
      </TestApiProvider>
    </SWRConfig>,
    { routeEntries: [path], mountedRoutes },
  );
}
