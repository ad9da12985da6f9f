import type { AegisRole } from '@aegis-security/plugin-aegis-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeAegisApi, renderInAegisApp } from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { TestsPage } from './TestsPage';

// Material Table renders slowly in jsdom.
jest.setTimeout(20_000);

async function renderTestsPage(
  roles: AegisRole[],
  permissions: Record<string, 'always'> = {},
) {
  const api = fakeAegisApi({ me: { roles, permissions } });
  await renderInAegisApp(<TestsPage />, {
    api,
    mountedRoutes: { '/aegis': rootRouteRef },
  });
  await screen.findByText('Scheduled task persistence');
  return api;
}

describe('TestsPage', () => {
  it('lists tests with their state and links to their pages', async () => {
    await renderTestsPage(['viewer']);

    const row = screen.getByText('Scheduled task persistence').closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('In review')).toBeInTheDocument();
    expect(within(row).getByText('T1053')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Scheduled task persistence' }),
    ).toHaveAttribute('href', '/aegis/tests/test-review');
  });

  it('asks the backend for the chosen states as a comma list', async () => {
    const api = await renderTestsPage(['viewer']);

    await userEvent.click(screen.getByRole('button', { name: 'Draft' }));
    await userEvent.click(screen.getByRole('button', { name: 'In review' }));

    await waitFor(() =>
      expect(api.listTests).toHaveBeenLastCalledWith(
        expect.objectContaining({ state: 'draft,in_review', offset: 0 }),
      ),
    );
  });

  it('sends the typed filters, the vote side and the sort to the backend', async () => {
    const api = await renderTestsPage(['viewer']);

    await userEvent.type(screen.getByLabelText('Technique'), 'T1059');
    await userEvent.type(screen.getByLabelText('Search'), 'cradle');
    await userEvent.selectOptions(
      screen.getByLabelText('Vote pending'),
      'Blue lead',
    );
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'Title');

    await waitFor(() =>
      expect(api.listTests).toHaveBeenLastCalledWith(
        expect.objectContaining({
          technique: 'T1059',
          search: 'cradle',
          pending_validation_side: 'blue',
          sort: 'title',
          order: 'desc',
        }),
      ),
    );
  });

  it.each<[AegisRole, object]>([
    ['red_tech', { state: 'draft,red_executing' }],
    ['blue_tech', { state: 'blue_evaluating' }],
    ['red_lead', { pending_validation_side: 'red' }],
    ['blue_lead', { pending_validation_side: 'blue' }],
    ['admin', { state: 'in_review' }],
  ])('shows a %s the tests waiting for that role', async (role, filter) => {
    const api = await renderTestsPage([role]);

    await userEvent.click(screen.getByRole('tab', { name: /Waiting for me/ }));

    await waitFor(() =>
      expect(api.listTests).toHaveBeenLastCalledWith({
        ...filter,
        sort: 'updated_at',
        order: 'desc',
        limit: 20,
        offset: 0,
      }),
    );
  });

  it('offers viewers no "Waiting for me" view and no "New test" button', async () => {
    await renderTestsPage(['viewer']);

    expect(screen.queryByRole('tab', { name: /Waiting for me/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New test' })).toBeNull();
  });

  it('offers "New test" to users holding aegis.test.create', async () => {
    await renderTestsPage(['red_tech'], { 'aegis.test.create': 'always' });

    expect(screen.getByRole('button', { name: 'New test' })).toHaveAttribute(
      'href',
      '/aegis/tests/new',
    );
  });

  it('links every reader to the test templates', async () => {
    await renderTestsPage(['viewer']);

    expect(screen.getByRole('button', { name: 'Templates' })).toHaveAttribute(
      'href',
      '/aegis/templates',
    );
  });
});
