import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { fakeAegisApi, renderInAegisApp } from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { TechniquePage } from './TechniquePage';

function renderTechnique(mitreId: string) {
  return renderInAegisApp(
    <Routes>
      <Route path="/aegis/techniques/:mitreId" element={<TechniquePage />} />
    </Routes>,
    {
      api: fakeAegisApi(),
      path: `/aegis/techniques/${mitreId}`,
      mountedRoutes: { '/aegis': rootRouteRef },
    },
  );
}

describe('TechniquePage', () => {
  it('shows the technique with its description rendered from markdown', async () => {
    await renderTechnique('T1566');

    expect(
      await screen.findByRole('heading', { name: 'Phishing' }),
    ).toBeInTheDocument();
    expect(screen.getByText('phishing messages').tagName).toBe('STRONG');
    expect(
      screen.getByRole('link', { name: /View on attack.mitre.org/ }),
    ).toHaveAttribute('href', 'https://attack.mitre.org/techniques/T1566');
    expect(screen.getByText('macOS')).toBeInTheDocument();
    expect(screen.getByText('initial-access')).toBeInTheDocument();
    expect(screen.getByText('DET0001 Phishing Analysis')).toBeInTheDocument();
    expect(
      screen.getByText('Added in ATT&CK 17.1 on 1/5/2026 (sync run 1)'),
    ).toBeInTheDocument();
  });

  it('links the sub-techniques to their pages', async () => {
    await renderTechnique('T1566');

    expect(
      await screen.findByRole('link', {
        name: 'T1566.001 Spearphishing Attachment',
      }),
    ).toHaveAttribute('href', '/aegis/techniques/T1566.001');
  });

  it('links a revoked technique to its replacement and shows the review flag', async () => {
    await renderTechnique('T1086');

    expect(
      await screen.findByText(/MITRE revoked this technique/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'T1059' })).toHaveAttribute(
      'href',
      '/aegis/techniques/T1059',
    );
    expect(
      screen.getByText(/Tests linked to it need moving to the replacement/),
    ).toBeInTheDocument();
  });

  it('says so when the technique does not exist', async () => {
    await renderTechnique('T9999');

    expect(
      await screen.findByText('Technique T9999 not found'),
    ).toBeInTheDocument();
  });

  it('shows the coverage per platform with the deciding test and the stale flag', async () => {
    await renderTechnique('T1059');

    const table = await screen.findByRole('table', {
      name: 'Coverage per platform',
    });
    const windows = within(table).getByRole('row', { name: /Windows/ });
    expect(within(windows).getByText('Validated')).toBeInTheDocument();
    expect(within(windows).getByText('Stale')).toBeInTheDocument();
    expect(within(windows).getByText('Alerted')).toBeInTheDocument();
    expect(
      within(windows).getByRole('link', { name: 'test-validated' }),
    ).toHaveAttribute('href', '/aegis/tests/test-validated');
    const linux = within(table).getByRole('row', { name: /Linux/ });
    expect(within(linux).getByText('In progress')).toBeInTheDocument();
    expect(
      screen.getByText(/2 tests: 1 validated, 1 in progress/),
    ).toBeInTheDocument();
    expect(screen.getByText(/from its own tests/)).toBeInTheDocument();
  });

  it('marks a confirmed gap', async () => {
    await renderTechnique('T1566.002');

    expect(
      await screen.findByRole('table', { name: 'Coverage per platform' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Confirmed gap').length).toBeGreaterThan(0);
    expect(screen.getByText(/outcomes: 1 not detected/)).toBeInTheDocument();
  });

  it('says when a technique has no coverage', async () => {
    await renderTechnique('T1086');

    expect(
      await screen.findByText('Aegis tracks no coverage for this technique.'),
    ).toBeInTheDocument();
  });
});
