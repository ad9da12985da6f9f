import {
  aegisTemplateCreatePermission,
  aegisTemplateStatsReadPermission,
  aegisTemplateUpdatePermission,
  aegisTestCreatePermission,
} from '@aegis-security/plugin-aegis-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router-dom';
import {
  chooseTechnique,
  fakeAegisApi,
  renderInAegisApp,
  responseError,
} from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { TemplatesPage } from './TemplatesPage';

// Material Table renders slowly in jsdom, and some tests fill whole dialogs.
jest.setTimeout(30_000);

const ADMIN = [
  aegisTemplateCreatePermission.name,
  aegisTemplateUpdatePermission.name,
  aegisTemplateStatsReadPermission.name,
];
const RED_TECH = [aegisTestCreatePermission.name];

function TestPageStandIn() {
  return <p>Page of test {useParams().id}</p>;
}

async function renderTemplatesPage(
  permissions: string[] = [],
  api = fakeAegisApi({
    me: {
      permissions: Object.fromEntries(
        permissions.map(name => [name, 'always' as const]),
      ),
    },
  }),
) {
  await renderInAegisApp(
    <Routes>
      <Route path="/aegis/templates" element={<TemplatesPage />} />
      <Route path="/aegis/tests/:id" element={<TestPageStandIn />} />
    </Routes>,
    {
      api,
      path: '/aegis/templates',
      mountedRoutes: { '/aegis': rootRouteRef },
    },
  );
  await screen.findByText('Cron persistence');
  return api;
}

/**
 * Pastes text into a field. Every keystroke re-renders the whole dialog,
 * which jsdom lays out slowly; pasting free text keeps the test well inside
 * its time on a loaded CI machine, while typing stays where keystrokes matter
 * (the technique search, chips added with Enter).
 */
async function paste(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

/** The table row that shows the named template. */
function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row shows ${name}`);
  return row;
}

describe('TemplatesPage', () => {
  it('lists the active templates with their techniques, platform and tags', async () => {
    const api = await renderTemplatesPage();

    const cradle = within(rowOf('PowerShell download cradle'));
    expect(cradle.getByText('T1059')).toBeInTheDocument();
    expect(cradle.getByText('High')).toBeInTheDocument();
    expect(cradle.getByText('powershell')).toBeInTheDocument();
    expect(cradle.getByText('Active')).toBeInTheDocument();
    expect(within(rowOf('Cron persistence')).getByText('Linux')).toBeVisible();
    expect(screen.queryByText('Macro attachment')).toBeNull();
    expect(api.listTemplates).toHaveBeenCalledWith(
      expect.objectContaining({ status: undefined, offset: 0 }),
    );
  });

  it('asks the backend for the typed search and technique', async () => {
    const api = await renderTemplatesPage();

    await userEvent.type(screen.getByLabelText('Search'), 'cron');
    await userEvent.type(screen.getByLabelText('Technique'), 'T1053');

    await waitFor(() =>
      expect(api.listTemplates).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: 'cron', technique: 'T1053' }),
      ),
    );
    await waitFor(() =>
      expect(screen.queryByText('PowerShell download cradle')).toBeNull(),
    );
    expect(screen.getByText('Cron persistence')).toBeInTheDocument();
  });

  it('offers a viewer no change, no test creation, no status filter and no usage', async () => {
    const api = await renderTemplatesPage();

    expect(screen.queryByRole('button', { name: 'New template' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Deactivate / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Create a test / })).toBe(
      null,
    );
    expect(screen.queryByLabelText('Status')).toBeNull();
    expect(screen.queryByText('Usage')).toBeNull();
    expect(api.getTemplateStats).not.toHaveBeenCalled();
  });

  it('lets an administrator list inactive templates', async () => {
    const api = await renderTemplatesPage(ADMIN);

    expect(
      screen.getByRole('button', { name: 'Activate Macro attachment' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Inactive');

    await waitFor(() =>
      expect(api.listTemplates).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: 'inactive' }),
      ),
    );
    await waitFor(() =>
      expect(screen.queryByText('Cron persistence')).toBeNull(),
    );
  });

  it('creates a template with the values of the form', async () => {
    const api = await renderTemplatesPage(ADMIN);
    await userEvent.click(screen.getByRole('button', { name: 'New template' }));
    const dialog = within(screen.getByRole('dialog', { name: 'New template' }));

    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));
    expect(dialog.getByText('A name is required')).toBeInTheDocument();
    expect(api.createTemplate).not.toHaveBeenCalled();

    await paste(dialog.getByLabelText(/Name/), 'Cradle over HTTPS');
    await chooseTechnique(
      dialog.getByLabelText(/Techniques/),
      'Command',
      /T1059/,
    );
    await paste(dialog.getByLabelText(/Platform/), 'Windows');
    await userEvent.selectOptions(dialog.getByLabelText('Severity'), 'High');
    await paste(dialog.getByLabelText('Procedure'), 'Run the cradle');
    await userEvent.type(dialog.getByLabelText('Tools'), 'curl{Enter}');
    await userEvent.type(dialog.getByLabelText('Tags'), 'https{Enter}');
    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));

    // The dialog validates, then saves: on a loaded machine that takes a
    // few renders.
    await waitFor(() => expect(api.createTemplate).toHaveBeenCalledTimes(1));
    expect(api.createTemplate).toHaveBeenCalledWith({
      name: 'Cradle over HTTPS',
      description: '',
      techniques: ['T1059'],
      platform: 'Windows',
      severity: 'high',
      procedure: 'Run the cradle',
      tools: ['curl'],
      expectedDetection: '',
      tags: ['https'],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("shows the backend's message when it refuses a new template", async () => {
    const api = fakeAegisApi({
      me: { permissions: { [aegisTemplateCreatePermission.name]: 'always' } },
    });
    api.createTemplate.mockRejectedValue(
      await responseError(400, 'Bad Request', 'unknown technique T9999'),
    );
    await renderTemplatesPage([], api);
    await userEvent.click(screen.getByRole('button', { name: 'New template' }));
    const dialog = within(screen.getByRole('dialog'));
    await paste(dialog.getByLabelText(/Name/), 'Broken');
    await chooseTechnique(
      dialog.getByLabelText(/Techniques/),
      'Phishing',
      /^T1566 /,
    );
    await paste(dialog.getByLabelText(/Platform/), 'Linux');

    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));

    expect(
      await dialog.findByText('unknown technique T9999'),
    ).toBeInTheDocument();
  });

  it('saves an edit with the version it started from', async () => {
    const api = await renderTemplatesPage(ADMIN);
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit PowerShell download cradle' }),
    );
    const dialog = within(screen.getByRole('dialog'));

    await userEvent.type(dialog.getByLabelText(/Platform/), ' 11');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(api.updateTemplate).toHaveBeenCalledWith(
      'tpl-cradle',
      expect.objectContaining({ platform: 'Windows 11', version: 4 }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a conflict, reloads the template and keeps the dialog open', async () => {
    const api = await renderTemplatesPage(ADMIN);
    api.updateTemplate.mockRejectedValueOnce(
      await responseError(409, 'Conflict', 'the template changed meanwhile'),
    );
    api.listTemplates.mockClear();
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Cron persistence' }),
    );
    const dialog = within(screen.getByRole('dialog'));

    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(
      await dialog.findByText('the template changed meanwhile'),
    ).toBeInTheDocument();
    expect(api.getTemplate).toHaveBeenCalledWith('tpl-cron');
    expect(api.listTemplates).toHaveBeenCalled();
  });

  it('deactivates a template with the version the list showed', async () => {
    const api = await renderTemplatesPage(ADMIN);
    api.listTemplates.mockClear();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Deactivate PowerShell download cradle',
      }),
    );

    expect(api.updateTemplate).toHaveBeenCalledWith('tpl-cradle', {
      active: false,
      version: 4,
    });
    await waitFor(() => expect(api.listTemplates).toHaveBeenCalled());
    expect(
      screen.getByRole('button', { name: 'Activate Macro attachment' }),
    ).toBeInTheDocument();
  });

  it('creates a test from a template for a red tech and opens its page', async () => {
    const api = await renderTemplatesPage(RED_TECH);
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Create a test from Cron persistence',
      }),
    );
    const dialog = within(screen.getByRole('dialog'));
    const title = dialog.getByLabelText(/Title/);
    expect(title).toHaveValue('Cron persistence');

    await userEvent.type(title, ' on build agents');
    await userEvent.click(dialog.getByRole('checkbox', { name: /Blind/ }));
    await userEvent.click(dialog.getByRole('button', { name: 'Create test' }));

    expect(api.createTestFromTemplate).toHaveBeenCalledWith('tpl-cron', {
      title: 'Cron persistence on build agents',
      targets: [],
      blind: true,
    });
    expect(
      await screen.findByText('Page of test test-from-template'),
    ).toBeInTheDocument();
  });

  it('shows administrators how often each template was used', async () => {
    await renderTemplatesPage(ADMIN);

    const card = await screen.findByText('Usage');
    const usage = card.closest('.MuiCard-root');
    if (!(usage instanceof HTMLElement)) throw new Error('no usage card');
    const row = within(usage)
      .getByText('PowerShell download cradle')
      .closest('tr');
    if (!row) throw new Error('no usage row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(expect.arrayContaining(['Active', '7', '4', '1', '2']));
    expect(within(usage).getByText('Never')).toBeInTheDocument();
  });
});
