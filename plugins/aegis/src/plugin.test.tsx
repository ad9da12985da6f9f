import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { fakeAegisApi } from './__testUtils__';
import { aegisApiRef } from './api/aegisApiRef';
import { AegisPage, aegisPlugin } from './plugin';

/** The legacy page mounted at /aegis, as a portal's App.tsx would. */
function renderLegacyPage(api = fakeAegisApi()) {
  return renderInTestApp(
    <TestApiProvider apis={[[aegisApiRef, api]]}>
      <Routes>
        <Route path="/aegis" element={<AegisPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: ['/aegis'] },
  );
}

describe('legacy frontend system', () => {
  it('exports a plugin with the aegis id', () => {
    expect(aegisPlugin.getId()).toBe('aegis');
  });

  it('renders the Aegis page with its header and the first-step guidance', async () => {
    await renderLegacyPage();

    expect(await screen.findByText('No ATT&CK data yet')).toBeInTheDocument();
    expect(screen.getAllByText('ATT&CK Coverage').length).toBeGreaterThan(0);
  });

  it('says so when the backend cannot be reached', async () => {
    await renderLegacyPage(fakeAegisApi(new Error('connection refused')));

    expect(
      await screen.findByText(/The Aegis backend cannot be reached/),
    ).toBeInTheDocument();
  });
});
