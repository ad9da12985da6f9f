import type { Entity } from '@backstage/catalog-model';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAegisApi,
  renderInAegisApp,
  responseError,
} from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { ReportsPage } from './ReportsPage';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'service' },
  },
];

async function renderReports(api = fakeAegisApi()) {
  await renderInAegisApp(<ReportsPage />, {
    api,
    entities,
    mountedRoutes: { '/aegis': rootRouteRef },
  });
  await screen.findByRole('table', { name: 'Coverage by tactic' });
  return api;
}

function filtersOf(title: string) {
  return within(screen.getByRole('group', { name: `${title} filters` }));
}

describe('ReportsPage', () => {
  it('previews the coverage summary by tactic', async () => {
    await renderReports();

    const table = screen.getByRole('table', { name: 'Coverage by tactic' });
    const execution = within(table).getByRole('row', { name: /Execution/ });
    expect(
      within(execution)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['Execution', '2', '1', '0', '1', '0']);
    expect(screen.getByText(/5 techniques: 1 validated/)).toBeInTheDocument();
  });

  it('asks for the coverage of the chosen tactic, platform and entity', async () => {
    const api = await renderReports();
    const filters = filtersOf('Coverage summary');
    await filters.findByRole('option', { name: 'Execution' });
    await filters.findByRole('option', { name: 'payments-api (Component)' });

    await userEvent.selectOptions(
      filters.getByLabelText('Tactic'),
      'execution',
    );
    await userEvent.selectOptions(
      filters.getByLabelText('Platform'),
      'Windows',
    );
    await userEvent.selectOptions(
      filters.getByLabelText('Entity'),
      'component:default/payments-api',
    );

    await waitFor(() =>
      expect(api.getCoverageReport).toHaveBeenLastCalledWith({
        tactic: 'execution',
        platform: 'Windows',
        entityRef: 'component:default/payments-api',
      }),
    );
    await waitFor(() =>
      expect(api.getReportDownloadUrl).toHaveBeenLastCalledWith(
        'coverage-csv',
        {
          tactic: 'execution',
          platform: 'Windows',
          entityRef: 'component:default/payments-api',
        },
      ),
    );
  });

  it('sets the download cookie and links the CSV and Navigator downloads', async () => {
    const api = await renderReports();

    expect(api.refreshDownloadCookie).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(
        screen.getByRole('link', { name: 'Navigator layer' }),
      ).toHaveAttribute(
        'href',
        'http://localhost:7007/api/aegis/reports/navigator-layer',
      ),
    );
    const csvLinks = screen.getAllByRole('link', { name: 'CSV' });
    expect(csvLinks.map(link => link.getAttribute('href'))).toEqual([
      'http://localhost:7007/api/aegis/reports/coverage-csv',
      'http://localhost:7007/api/aegis/reports/test-results.csv',
      'http://localhost:7007/api/aegis/reports/remediation-status.csv',
    ]);
    expect(screen.getAllByRole('button', { name: 'JSON' })).toHaveLength(3);
  });

  it('filters the test results by state and dates', async () => {
    const api = await renderReports();
    expect(await screen.findByText('Alerted')).toBeInTheDocument();
    const filters = filtersOf('Test results');

    await userEvent.selectOptions(filters.getByLabelText('State'), 'validated');
    fireEvent.change(filters.getByLabelText('From'), {
      target: { value: '2026-03-01' },
    });
    fireEvent.change(filters.getByLabelText('To'), {
      target: { value: '2026-03-31' },
    });

    await waitFor(() =>
      expect(api.getTestResultsReport).toHaveBeenLastCalledWith({
        state: 'validated',
        date_from: '2026-03-01',
        date_to: '2026-03-31',
      }),
    );
  });

  it('filters the remediations by status', async () => {
    const api = await renderReports();
    expect(await screen.findByText('1 of 2')).toBeInTheDocument();

    await userEvent.selectOptions(
      filtersOf('Remediation status').getByLabelText('Status'),
      'open',
    );

    await waitFor(() =>
      expect(api.getRemediationReport).toHaveBeenLastCalledWith({
        status: 'open',
      }),
    );
  });

  it('says when no test matches the filters', async () => {
    const api = fakeAegisApi();
    api.getTestResultsReport.mockResolvedValue({
      generatedAt: '2026-03-06T09:00:00Z',
      filters: {},
      items: [],
    });
    await renderReports(api);

    expect(
      await screen.findByText('No test matches these filters.'),
    ).toBeInTheDocument();
  });

  it('shows the error of a report the backend refuses', async () => {
    const api = fakeAegisApi();
    api.getRemediationReport.mockRejectedValue(
      await responseError(403, 'Forbidden', 'may not read reports'),
    );
    await renderReports(api);

    expect(
      await screen.findByText(/Remediation status could not be loaded/),
    ).toBeInTheDocument();
  });
});
