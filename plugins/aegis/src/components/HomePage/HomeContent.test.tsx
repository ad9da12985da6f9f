import { screen } from '@testing-library/react';
import { fakeAegisApi, renderInAegisApp } from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { HomeContent } from './HomeContent';

function renderHome(api = fakeAegisApi()) {
  return renderInAegisApp(<HomeContent />, {
    api,
    mountedRoutes: { '/aegis': rootRouteRef },
  });
}

describe('HomeContent', () => {
  it('counts the ATT&CK tactics and techniques and links to the matrix', async () => {
    await renderHome();

    expect(
      await screen.findByText(/Aegis holds 3 tactics and 4 techniques/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the ATT&CK matrix' }),
    ).toHaveAttribute('href', '/aegis/matrix');
    expect(screen.queryByText('No ATT&CK data yet')).not.toBeInTheDocument();
  });

  it('guides to the first sync when there are no tactics', async () => {
    await renderHome(fakeAegisApi({ tactics: [], techniques: [] }));

    expect(await screen.findByText('No ATT&CK data yet')).toBeInTheDocument();
  });
});
