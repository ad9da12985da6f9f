import {
  aegisUserCreatePermission,
  aegisUserReadPermission,
  aegisUserUpdatePermission,
} from '@aegis-security/plugin-aegis-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAegisApi,
  renderInAegisApp,
  responseError,
} from '../../__testUtils__';
import { UsersPage } from './UsersPage';

// Material Table renders slowly in jsdom: on a busy machine a test with a few
// dialog steps needs more than Jest's default five seconds.
jest.setTimeout(20_000);

const READ = aegisUserReadPermission.name;
const UPDATE = aegisUserUpdatePermission.name;
const CREATE = aegisUserCreatePermission.name;

/** The table row that shows the named user. */
function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row shows ${name}`);
  return row;
}

async function renderUsersPage(permissions: string[], api = fakeAegisApi()) {
  await renderInAegisApp(<UsersPage />, { api, permissions });
  return api;
}

describe('UsersPage', () => {
  it('lists users with their effective roles and where each role comes from', async () => {
    await renderUsersPage([READ]);

    expect(await screen.findByText('Rita Red')).toBeInTheDocument();
    const rita = within(rowOf('Rita Red'));
    expect(rita.getByText('rita@example.com')).toBeInTheDocument();
    expect(rita.getByText('Red lead')).toBeInTheDocument();
    expect(
      rita.getByText('config via group:default/red-team'),
    ).toBeInTheDocument();
    expect(rita.getByText('Red tech')).toBeInTheDocument();
    expect(rita.getByText('assigned')).toBeInTheDocument();
    expect(rita.getByText('Active')).toBeInTheDocument();

    const vic = within(rowOf('user:default/vic.viewer'));
    expect(vic.getByText('Viewer')).toBeInTheDocument();
    expect(vic.getByText('default')).toBeInTheDocument();

    const gone = within(rowOf('Gone User'));
    expect(gone.getByText('No role')).toBeInTheDocument();
    expect(gone.getByText('Deactivated')).toBeInTheDocument();
  });

  it('asks the backend for the users holding the chosen role', async () => {
    const api = await renderUsersPage([READ]);
    await screen.findByText('Rita Red');

    await userEvent.selectOptions(screen.getByLabelText('Role'), 'Blue lead');

    await waitFor(() =>
      expect(api.listUsers).toHaveBeenLastCalledWith(
        expect.objectContaining({ role: 'blue_lead', offset: 0 }),
      ),
    );
    expect(
      await screen.findByText('No user matches these filters.'),
    ).toBeInTheDocument();
  });

  it('asks the backend for the users matching the search text', async () => {
    const api = await renderUsersPage([READ]);
    await screen.findByText('Rita Red');

    await userEvent.type(screen.getByLabelText('Search'), 'rita');

    await waitFor(() =>
      expect(api.listUsers).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: 'rita' }),
      ),
    );
  });

  it('hides every change from users who may only read users', async () => {
    await renderUsersPage([READ]);
    await screen.findByText('Rita Red');

    expect(screen.queryByRole('button', { name: /Edit roles/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Deactivate/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
  });

  it('offers edit, deactivate and reactivate to users who may update users', async () => {
    await renderUsersPage([READ, UPDATE]);

    expect(
      await screen.findByRole('button', { name: 'Edit roles of Rita Red' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Deactivate Rita Red' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Reactivate Gone User' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
  });

  it('saves the chosen roles with updateUser and reloads the list', async () => {
    const api = await renderUsersPage([READ, UPDATE]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit roles of Rita Red' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Edit roles of Rita Red',
    });

    expect(
      within(dialog).getByText(
        'Also held from config via group:default/red-team',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('checkbox', { name: 'Red tech' }),
    ).toBeChecked();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Admin' }),
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Red tech' }),
    );
    api.listUsers.mockClear();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(api.updateUser).toHaveBeenCalledWith('user:default/rita.red', {
      roles: ['admin'],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.listUsers).toHaveBeenCalled();
  });

  it('deactivates a user after confirmation', async () => {
    const api = await renderUsersPage([READ, UPDATE]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Deactivate Rita Red' }),
    );

    expect(api.updateUser).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Rita Red?' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Deactivate' }),
    );

    expect(api.updateUser).toHaveBeenCalledWith('user:default/rita.red', {
      active: false,
    });
  });

  it("shows the backend's message when it refuses a change", async () => {
    const api = fakeAegisApi();
    api.updateUser.mockRejectedValue(
      await responseError(409, 'Conflict', 'cannot remove the last admin'),
    );
    await renderUsersPage([READ, UPDATE], api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Deactivate Rita Red' }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Deactivate' }));

    expect(
      await screen.findByText('cannot remove the last admin'),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('adds a user with the chosen roles for users who may create users', async () => {
    const api = await renderUsersPage([READ, CREATE]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add user' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Add user' });

    await userEvent.type(
      within(dialog).getByLabelText(/User entity ref/),
      'user:default/new.person',
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Blue tech' }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));

    expect(api.createUser).toHaveBeenCalledWith({
      userEntityRef: 'user:default/new.person',
      roles: ['blue_tech'],
    });
  });

  it('tells users without aegis.user.read that they have no access', async () => {
    const api = await renderUsersPage([]);

    expect(
      await screen.findByText('You do not have access to user administration'),
    ).toBeInTheDocument();
    expect(api.listUsers).not.toHaveBeenCalled();
  });

  it('tells users the backend refuses that they have no access', async () => {
    const api = fakeAegisApi();
    api.listUsers.mockRejectedValue(
      await responseError(403, 'Forbidden', 'not allowed'),
    );
    await renderUsersPage([READ], api);

    expect(
      await screen.findByText('You do not have access to user administration'),
    ).toBeInTheDocument();
  });
});
