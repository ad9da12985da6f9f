import type { SecurityTest } from '@aegis-security/plugin-aegis-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import type { EvidenceUploadApi } from '../api/EvidenceUploadApi';
import { TestPage } from '../components/TestPage/TestPage';
import { rootRouteRef } from '../routes';
import { fakeAegisApi } from './fakeAegisApi';
import { fakeEvidenceUploader } from './fakeEvidenceUploader';
import { renderInAegisApp } from './renderInAegisApp';

/**
 * Renders the page of a test that the fake backend holds in that form, and
 * waits until its title shows.
 */
export async function renderTestPage(
  test: SecurityTest,
  api = fakeAegisApi({ tests: [test] }),
  uploader: EvidenceUploadApi = fakeEvidenceUploader(),
) {
  await renderInAegisApp(
    <Routes>
      <Route path="/aegis/tests/:id" element={<TestPage />} />
    </Routes>,
    {
      api,
      uploader,
      path: `/aegis/tests/${test.id}`,
      mountedRoutes: {
        '/aegis': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  await screen.findByRole('heading', { name: test.title });
  return api;
}
