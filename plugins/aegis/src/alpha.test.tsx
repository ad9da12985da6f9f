import '@testing-library/jest-dom';
import { aegisUserReadPermission } from '@aegis-security/plugin-aegis-common';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import aegisPlugin from './alpha';
import { fakeAegisApi, permissionsAllowing } from './__testUtils__';
import { aegisApiRef } from './api/aegisApiRef';

/**
 * Every test here grants the same permissions: `usePermission` caches its
 * decisions across renders, and the new system's test app offers no place to
 * give each render a cache of its own.
 */
function renderNewApp(path: string) {
  return renderTestApp({
    features: [aegisPlugin],
    initialRouteEntries: [path],
    apis: [
      [aegisApiRef, fakeAegisApi()],
      [permissionApiRef, permissionsAllowing(aegisUserReadPermission.name)],
    ],
  });
}

describe('new frontend system', () => {
  it('mounts the Aegis page at /aegis', async () => {
    renderNewApp('/aegis');

    expect(
      await screen.findByRole('link', { name: 'Open the ATT&CK matrix' }),
    ).toHaveAttribute('href', '/aegis/matrix');
  });

  it('links the home page to user administration', async () => {
    renderNewApp('/aegis');

    expect(
      await screen.findByRole('link', { name: /Users & roles/ }),
    ).toHaveAttribute('href', '/aegis/admin/users');
  });

  it('serves the users and roles page at /aegis/admin/users', async () => {
    renderNewApp('/aegis/admin/users');

    expect(await screen.findByText('Rita Red')).toBeInTheDocument();
    expect(screen.getByText('Users & roles')).toBeInTheDocument();
  });

  it('serves the ATT&CK matrix at /aegis/matrix', async () => {
    renderNewApp('/aegis/matrix');

    expect(
      await screen.findByRole('link', { name: 'T1566 Phishing' }),
    ).toHaveAttribute('href', '/aegis/techniques/T1566');
  });

  it('serves a technique page at /aegis/techniques/:mitreId', async () => {
    renderNewApp('/aegis/techniques/T1086');

    expect(
      await screen.findByRole('heading', { name: 'PowerShell' }),
    ).toBeInTheDocument();
  });
});
