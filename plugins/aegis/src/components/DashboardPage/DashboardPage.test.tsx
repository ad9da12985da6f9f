import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeAegisApi,
  renderInAegisApp,
  responseError,
} from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { DashboardPage } from './DashboardPage';
import { lastDays } from './dateWindow';

async function renderDashboard(api = fakeAegisApi()) {
  await renderInAegisApp(<DashboardPage />, {
    api,
    mountedRoutes: { '/aegis': rootRouteRef },
  });
  return api;
}

/** The body of the card with a title, once it has loaded. */
async function card(title: string) {
  const heading = await screen.findByText(title);
  return heading.closest('.MuiCard-root') as HTMLElement;
}

describe('DashboardPage', () => {
  it('shows the techniques per coverage status with their shares', async () => {
    await renderDashboard();

    const counts = await screen.findByRole('list', { name: 'Coverage counts' });
    expect(within(counts).getByText('Validated: 1 (20%)')).toBeInTheDocument();
    expect(
      within(counts).getByText('Not covered: 2 (40%)'),
    ).toBeInTheDocument();
    expect(
      within(counts).getByText(/5 techniques; 1 confirmed gap, 1 stale/),
    ).toBeInTheDocument();
  });

  it('draws a bar per tactic in the order the backend returns', async () => {
    await renderDashboard();

    const tactics = within(await card('Coverage by tactic'));
    await tactics.findByText('Initial Access');
    const labels = tactics
      .getAllByText(/^(Initial Access|Execution|Persistence)$/)
      .map(label => label.textContent);
    expect(labels).toEqual(['Initial Access', 'Execution', 'Persistence']);
  });

  it('shows the test pipeline funnel and the tests per state', async () => {
    await renderDashboard();

    const pipeline = within(await card('Test pipeline'));
    expect(await pipeline.findByText('Red submitted')).toBeInTheDocument();
    const states = pipeline.getByRole('list', { name: 'Tests by state' });
    expect(within(states).getAllByRole('listitem')).toHaveLength(6);
    expect(within(states).getByText('In review')).toBeInTheDocument();
  });

  it('shows the validation rate of each lead', async () => {
    await renderDashboard();

    const table = await screen.findByRole('table', {
      name: 'Validation rates per lead',
    });
    const row = within(table).getByRole('row', { name: /rosa\.redlead/ });
    expect(within(row).getByText('3 (75%)')).toBeInTheDocument();
    expect(within(row).getByText('1 (25%)')).toBeInTheDocument();
  });

  it('links the recent tests to their pages', async () => {
    await renderDashboard();

    expect(
      await screen.findByRole('link', { name: 'PowerShell download cradle' }),
    ).toHaveAttribute('href', '/aegis/tests/test-validated');
  });

  it('asks for the last 30 days of activity, validation and trend', async () => {
    const api = await renderDashboard();
    const window = lastDays(30);

    await screen.findByText(/Red team: 5 actions by 1 people/);
    expect(api.getTeamActivity).toHaveBeenCalledWith(window);
    expect(api.getValidationRate).toHaveBeenCalledWith(window);
    expect(api.getCoverageTrend).toHaveBeenCalledWith(window);
  });

  it('asks again for the window the reader picks', async () => {
    const api = await renderDashboard();
    await screen.findByText(/Red team: 5 actions/);

    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2026-01-01' },
    });

    const window = { from: '2026-01-01', to: lastDays(30).to };
    await waitFor(() =>
      expect(api.getTeamActivity).toHaveBeenLastCalledWith(window),
    );
    expect(api.getCoverageTrend).toHaveBeenLastCalledWith(window);
  });

  it('refuses a window that ends before it starts', async () => {
    const api = await renderDashboard();
    await screen.findByText(/Red team: 5 actions/);

    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2999-01-01' },
    });

    expect(
      screen.getByText('The first day is after the last.'),
    ).toBeInTheDocument();
    expect(api.getTeamActivity).toHaveBeenCalledTimes(1);
  });

  it('says when there is nothing to show yet', async () => {
    const api = fakeAegisApi();
    api.getTeamActivity.mockResolvedValue({
      from: '2026-01-01',
      to: '2026-01-30',
      teams: [],
      users: [],
    });
    api.getRecentTests.mockResolvedValue({ items: [] });
    await renderDashboard(api);

    expect(
      await screen.findByText('Nobody worked on a test in this window.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No security test yet.')).toBeInTheDocument();
  });

  it('shows the error of a failed metric while the others load', async () => {
    const api = fakeAegisApi();
    api.getMetricsSummary.mockRejectedValue(
      await responseError(403, 'Forbidden', 'may not read reports'),
    );
    await renderDashboard(api);

    expect(
      await screen.findByText(/Coverage could not be loaded/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Validation rates per lead' }),
    ).toBeInTheDocument();
  });
});
