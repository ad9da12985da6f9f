import {
  aegisUserReadPermission,
  aegisUserUpdatePermission,
} from '@aegis-security/plugin-aegis-common';
import { FlatRoutes } from '@backstage/core-app-api';
import { screen } from '@testing-library/react';
import { Route } from 'react-router-dom';
import {
  type AegisAppOptions,
  fakeAegisApi,
  renderInAegisApp,
} from './__testUtils__';
import { AegisPage, aegisPlugin } from './plugin';

/** The legacy page mounted at /aegis, as a portal's App.tsx would. */
function renderLegacyPage(options: AegisAppOptions = {}) {
  return renderInAegisApp(
    <FlatRoutes>
      <Route path="/aegis" element={<AegisPage />} />
    </FlatRoutes>,
    { path: '/aegis', ...options },
  );
}

describe('legacy frontend system', () => {
  it('exports a plugin with the aegis id', () => {
    expect(aegisPlugin.getId()).toBe('aegis');
  });

  it('renders the Aegis page with its header and the first-step guidance', async () => {
    await renderLegacyPage({
      api: fakeAegisApi({ tactics: [], techniques: [] }),
    });

    expect(await screen.findByText('No ATT&CK data yet')).toBeInTheDocument();
    expect(screen.getAllByText('ATT&CK Coverage').length).toBeGreaterThan(0);
  });

  it('says so when the backend cannot be reached', async () => {
    await renderLegacyPage({
      api: fakeAegisApi({ healthFailure: new Error('connection refused') }),
    });

    expect(
      await screen.findByText(/The Aegis backend cannot be reached/),
    ).toBeInTheDocument();
  });

  it('shows who is signed in with their Aegis roles', async () => {
    await renderLegacyPage({
      api: fakeAegisApi({
        me: {
          userEntityRef: 'user:default/rita.red',
          displayName: 'Rita Red',
          roles: ['red_lead', 'red_tech'],
        },
      }),
    });

    expect(await screen.findByText('Rita Red')).toBeInTheDocument();
    expect(screen.getByText('Red lead')).toBeInTheDocument();
    expect(screen.getByText('Red tech')).toBeInTheDocument();
  });

  it('links to user administration for users who may read users', async () => {
    await renderLegacyPage({ permissions: [aegisUserReadPermission.name] });

    expect(
      await screen.findByRole('link', { name: /Users & roles/ }),
    ).toHaveAttribute('href', '/aegis/admin/users');
  });

  it('offers no link to user administration to other users', async () => {
    await renderLegacyPage();

    expect(
      await screen.findByText('user:default/vic.viewer'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Users & roles/ }),
    ).not.toBeInTheDocument();
  });

  it('serves the users and roles page at /aegis/admin/users', async () => {
    await renderLegacyPage({
      path: '/aegis/admin/users',
      permissions: [
        aegisUserReadPermission.name,
        aegisUserUpdatePermission.name,
      ],
    });

    expect(await screen.findByText('Rita Red')).toBeInTheDocument();
    expect(screen.getByText('Users & roles')).toBeInTheDocument();
  });

  it('serves the ATT&CK matrix at /aegis/matrix', async () => {
    await renderLegacyPage({ path: '/aegis/matrix' });

    expect(
      await screen.findByRole('link', { name: 'T1566 Phishing' }),
    ).toHaveAttribute('href', '/aegis/techniques/T1566');
  });

  it('serves a technique page at /aegis/techniques/:mitreId', async () => {
    await renderLegacyPage({ path: '/aegis/techniques/T1566' });

    expect(
      await screen.findByRole('heading', { name: 'Phishing' }),
    ).toBeInTheDocument();
  });
});
