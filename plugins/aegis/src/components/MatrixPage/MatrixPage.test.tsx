import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAegisApi,
  renderInAegisApp,
  sampleTechniques,
  techniquePage,
} from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { MatrixPage } from './MatrixPage';

async function renderMatrix(api = fakeAegisApi()) {
  await renderInAegisApp(<MatrixPage />, {
    api,
    mountedRoutes: { '/aegis': rootRouteRef },
  });
  await screen.findByRole('region', { name: 'Initial Access' });
  return api;
}

/** The IDs of the techniques linked in a tactic's column. */
function techniquesUnder(tactic: string): string[] {
  const column = screen.getByRole('region', { name: tactic });
  return within(column)
    .queryAllByRole('link')
    .map(link => link.textContent?.match(/^T[\d.]+/)?.[0] ?? '');
}

describe('MatrixPage', () => {
  it('shows the tactics as columns in the order the API lists them', async () => {
    await renderMatrix();

    const columns = screen.getAllByRole('region').map(c => c.ariaLabel);
    expect(columns).toEqual(['Initial Access', 'Execution', 'Persistence']);
  });

  it('puts each technique under its tactics and links it to its page', async () => {
    await renderMatrix();

    expect(techniquesUnder('Initial Access')).toEqual(['T1566']);
    expect(techniquesUnder('Persistence')).toEqual(['T1543', 'T1053']);
    expect(
      screen.getByRole('link', { name: 'T1566 Phishing' }),
    ).toHaveAttribute('href', '/aegis/techniques/T1566');
  });

  it('shows a technique of two tactics in both columns', async () => {
    await renderMatrix();

    expect(techniquesUnder('Execution')).toContain('T1053');
    expect(techniquesUnder('Persistence')).toContain('T1053');
  });

  it('loads every technique with its sub-techniques for the domain', async () => {
    const api = await renderMatrix();

    expect(api.listTactics).toHaveBeenCalledWith({
      domain: 'enterprise-attack',
    });
    expect(api.listTechniques).toHaveBeenCalledWith({
      domain: 'enterprise-attack',
      limit: 1000,
      offset: 0,
      include_subtechniques: true,
    });
  });

  it('pages through the techniques until it has them all', async () => {
    const api = fakeAegisApi();
    api.listTechniques.mockImplementation(async query =>
      techniquePage(sampleTechniques, { ...query, limit: 3 }),
    );
    await renderMatrix(api);

    const offsets = api.listTechniques.mock.calls.map(([q]) => q?.offset);
    expect(offsets).toEqual([0, 3]);
    expect(techniquesUnder('Persistence')).toEqual(['T1543', 'T1053']);
  });

  it('shows the sub-techniques of a technique when expanded', async () => {
    await renderMatrix();
    expect(screen.queryByText('Spearphishing Link')).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Sub-techniques of T1566 (2)' }),
    );

    expect(techniquesUnder('Initial Access')).toEqual([
      'T1566',
      'T1566.001',
      'T1566.002',
    ]);
  });

  it('hides the techniques that do not run on the chosen platform', async () => {
    await renderMatrix();

    await userEvent.selectOptions(screen.getByLabelText('Platform'), 'macOS');

    expect(techniquesUnder('Initial Access')).toEqual(['T1566']);
    expect(
      within(
        screen.getByRole('region', { name: 'Persistence' }),
      ).queryAllByRole('link'),
    ).toEqual([]);
  });

  it('narrows the matrix to the techniques matching the search text', async () => {
    await renderMatrix();

    await userEvent.type(screen.getByLabelText('Search'), 'sched');

    expect(techniquesUnder('Execution')).toEqual(['T1053']);
  });

  it('explains each coverage status and marker in the legend', async () => {
    await renderMatrix();

    const legend = within(screen.getByRole('list', { name: 'Legend' }));
    expect(
      legend.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      expect.stringMatching(/^Validated: /),
      expect.stringMatching(/^Partial: /),
      expect.stringMatching(/^In progress: /),
      expect.stringMatching(/^Not covered: /),
      expect.stringMatching(/^Confirmed gap: /),
      expect.stringMatching(/^Stale \(dashed\): /),
    ]);
  });

  it('tells the coverage of each technique in its title', async () => {
    await renderMatrix();

    expect(
      screen.getByRole('link', {
        name: 'T1059 Command and Scripting Interpreter',
      }),
    ).toHaveAttribute(
      'title',
      'Command and Scripting Interpreter: Validated, stale',
    );
    expect(
      screen.getByRole('link', {
        name: 'T1543 Create or Modify System Process',
      }),
    ).toHaveAttribute('title', 'Create or Modify System Process: Not covered');
  });

  it('shows only the techniques with the chosen coverage status', async () => {
    await renderMatrix();

    await userEvent.selectOptions(
      screen.getByLabelText('Coverage'),
      'in_progress',
    );

    expect(techniquesUnder('Initial Access')).toEqual([]);
    expect(techniquesUnder('Execution')).toEqual(['T1053']);
    expect(techniquesUnder('Persistence')).toEqual(['T1053']);
  });

  it('keeps a technique whose sub-technique is a confirmed gap', async () => {
    await renderMatrix();

    await userEvent.selectOptions(
      screen.getByLabelText('Coverage'),
      'confirmed_gap',
    );

    expect(techniquesUnder('Initial Access')).toEqual(['T1566']);
    expect(techniquesUnder('Execution')).toEqual([]);
  });

  it('filters the stale validations', async () => {
    await renderMatrix();

    await userEvent.selectOptions(screen.getByLabelText('Coverage'), 'stale');

    expect(techniquesUnder('Execution')).toEqual(['T1059']);
    expect(techniquesUnder('Persistence')).toEqual([]);
  });

  it('asks for an ATT&CK sync when there are no tactics', async () => {
    await renderInAegisApp(<MatrixPage />, {
      api: fakeAegisApi({ tactics: [], techniques: [] }),
      mountedRoutes: { '/aegis': rootRouteRef },
    });

    expect(
      await screen.findByText(/administrator must sync ATT&CK first/),
    ).toBeInTheDocument();
  });
});
