import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  chooseTechnique,
  fakeAegisApi,
  renderInAegisApp,
  responseError,
} from '../../__testUtils__';
import { rootRouteRef } from '../../routes';
import { CreateTestPage } from './CreateTestPage';

jest.setTimeout(20_000);

async function renderCreateTestPage(api = fakeAegisApi()) {
  await renderInAegisApp(
    <Routes>
      <Route path="/aegis/tests/new" element={<CreateTestPage />} />
      <Route path="/aegis/tests/:id" element={<p>The new test's page</p>} />
    </Routes>,
    {
      api,
      path: '/aegis/tests/new',
      mountedRoutes: { '/aegis': rootRouteRef },
    },
  );
  return api;
}

async function fillRequiredFields() {
  await userEvent.type(screen.getByLabelText(/Title/), 'Macro phishing');
  await userEvent.type(screen.getByLabelText(/Platform/), 'Windows');
  await chooseTechnique(
    screen.getByLabelText(/Techniques/),
    'Spearphishing',
    /T1566.001/,
  );
}

describe('CreateTestPage', () => {
  it('hints at the required fields and sends nothing while they are empty', async () => {
    const api = await renderCreateTestPage();

    await userEvent.click(screen.getByRole('button', { name: 'Create test' }));

    expect(screen.getByText('A title is required')).toBeInTheDocument();
    expect(
      screen.getByText('At least one technique is required'),
    ).toBeInTheDocument();
    expect(screen.getByText('A platform is required')).toBeInTheDocument();
    expect(api.createTest).not.toHaveBeenCalled();
  });

  it('creates the test and opens its page', async () => {
    const api = await renderCreateTestPage();
    await fillRequiredFields();
    await userEvent.type(screen.getByLabelText('Tools'), 'swaks{Enter}');
    await userEvent.click(screen.getByRole('checkbox', { name: /Blind/ }));

    await userEvent.click(screen.getByRole('button', { name: 'Create test' }));

    expect(api.createTest).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Macro phishing',
        platform: 'Windows',
        techniques: ['T1566.001'],
        tools: ['swaks'],
        blind: true,
        severity: 'medium',
      }),
    );
    expect(await screen.findByText("The new test's page")).toBeInTheDocument();
  });

  it("shows the backend's message when it refuses the test", async () => {
    const api = fakeAegisApi();
    api.createTest.mockRejectedValue(
      await responseError(400, 'Bad Request', 'unknown technique T9999'),
    );
    await renderCreateTestPage(api);
    await fillRequiredFields();

    await userEvent.click(screen.getByRole('button', { name: 'Create test' }));

    expect(
      await screen.findByText('unknown technique T9999'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Create test' })).toBeEnabled(),
    );
  });
});
