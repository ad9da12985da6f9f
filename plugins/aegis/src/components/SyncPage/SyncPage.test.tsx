import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAegisApi,
  renderInAegisApp,
  responseError,
} from '../../__testUtils__';
import { SyncPage } from './SyncPage';

jest.setTimeout(30_000);

describe('SyncPage', () => {
  it('lists the runs with their source, skipped sources and counts', async () => {
    const api = fakeAegisApi();
    api.listSyncRuns.mockResolvedValue({
      items: [
        {
          id: 2,
          domain: 'enterprise-attack',
          trigger: 'manual',
          triggeredBy: 'user:default/ada.admin',
          startedAt: '2026-12-03T10:00:00.000Z',
          outcome: 'succeeded',
          source: 'file',
          skippedSources: [{ source: 'taxii', reason: 'not configured' }],
          release: '18.1',
          added: 12,
          changed: 3,
          deprecated: 0,
          revoked: 1,
          unchanged: 800,
          durationMs: 950,
        },
      ],
      total: 1,
      limit: 50,
      offset: 0,
    });

    await renderInAegisApp(<SyncPage />, {
      api,
      permissions: ['aegis.system.read'],
    });

    expect(
      await screen.findByText(/file \(ATT&CK 18\.1\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('taxii skipped: not configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '12 added, 3 changed, 0 deprecated, 1 revoked, 800 unchanged',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('starts a sync for those allowed and shows the new history', async () => {
    const api = fakeAegisApi();

    await renderInAegisApp(<SyncPage />, {
      api,
      permissions: ['aegis.system.read', 'aegis.attack.sync'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sync now' }),
    );

    await waitFor(() => expect(api.syncAttack).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(api.listSyncRuns).toHaveBeenCalledTimes(2));
  });

  it('says why a sync could not be started', async () => {
    const api = fakeAegisApi();
    api.syncAttack.mockRejectedValue(
      await responseError(
        503,
        'Service Unavailable',
        'The Aegis database is unreachable',
      ),
    );

    await renderInAegisApp(<SyncPage />, {
      api,
      permissions: ['aegis.system.read', 'aegis.attack.sync'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sync now' }),
    );

    expect(
      await screen.findByText(/The Aegis database is unreachable/),
    ).toBeInTheDocument();
  });

  it('tells users without access that the history is not for them', async () => {
    await renderInAegisApp(<SyncPage />, { permissions: [] });

    expect(
      await screen.findByText(/do not have access to the ATT&CK sync history/),
    ).toBeInTheDocument();
  });
});
