import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAegisApi,
  renderTestPage,
  responseError,
  sampleTest,
  sampleTests,
} from '../../__testUtils__';

jest.setTimeout(20_000);

const inReview = sampleTests[1];
const validated = sampleTests[2];

describe('TestPage', () => {
  it('asks for a re-mapping when MITRE retired a technique of the test', async () => {
    await renderTestPage(
      sampleTest({
        remap: [
          { mitreId: 'T1574.002', reason: 'revoked', replacement: 'T1574.001' },
        ],
      }),
    );

    expect(
      screen.getByText('MITRE revoked T1574.002; re-map to T1574.001.'),
    ).toBeInTheDocument();
  });

  it('shows a viewer the test without any action or editor', async () => {
    await renderTestPage(inReview);

    expect(screen.getByText('Round 2')).toBeInTheDocument();
    expect(screen.getByText('Executed as planned')).toBeInTheDocument();
    expect(screen.getByText('5 min')).toBeInTheDocument();
    expect(screen.getByText('Earlier rounds (1)')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Edit|Approve|Reject/ }),
    ).toBeNull();
    expect(
      screen.queryByRole('button', { name: /Start execution|Submit|Reopen/ }),
    ).toBeNull();
    expect(
      await screen.findByText('state: red_executing → blue_evaluating'),
    ).toBeInTheDocument();
  });

  it('lets a red lead with validate-red vote, with the required comment', async () => {
    const test = { ...inReview, allowedActions: ['validate-red' as const] };
    const api = await renderTestPage(
      test,
      fakeAegisApi({ tests: [test], me: { roles: ['red_lead'] } }),
    );

    const approve = screen.getByRole('button', { name: 'Approve red' });
    expect(approve).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Approve blue' })).toBeNull();
    expect(screen.queryByLabelText(/Override reason/)).toBeNull();
    await userEvent.type(
      screen.getByLabelText(/Red vote comment/),
      'Reproduced',
    );
    await userEvent.click(approve);

    expect(api.transitionTest).toHaveBeenCalledWith(
      'test-review',
      'validate-red',
      {
        decision: 'approve',
        comment: 'Reproduced',
        overrideReason: undefined,
      },
    );
  });

  it("makes an admin voting in a lead's place give a reason", async () => {
    const test = { ...inReview, allowedActions: ['validate-blue' as const] };
    const api = await renderTestPage(
      test,
      fakeAegisApi({ tests: [test], me: { roles: ['admin'] } }),
    );

    await userEvent.type(
      await screen.findByLabelText(/Blue vote comment/),
      'Checked the alert',
    );
    const approve = screen.getByRole('button', { name: 'Approve blue' });
    expect(approve).toBeDisabled();
    await userEvent.type(
      await screen.findByLabelText(/Override reason/),
      'Blue lead on leave',
    );
    await userEvent.click(approve);

    expect(api.transitionTest).toHaveBeenCalledWith(
      'test-review',
      'validate-blue',
      {
        decision: 'approve',
        comment: 'Checked the alert',
        overrideReason: 'Blue lead on leave',
      },
    );
  });

  it('starts execution after confirmation', async () => {
    const test = sampleTest({ allowedActions: ['start-execution'] });
    const api = await renderTestPage(test);

    await userEvent.click(
      screen.getByRole('button', { name: 'Start execution' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Start execution?' });
    expect(api.transitionTest).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start execution' }),
    );

    expect(api.transitionTest).toHaveBeenCalledWith(
      'test-draft',
      'start-execution',
      undefined,
    );
  });

  it("shows the backend's message and reloads the test on a 409", async () => {
    const test = sampleTest({ editableSections: ['red'] });
    const api = fakeAegisApi({ tests: [test] });
    api.updateRed.mockRejectedValue(
      await responseError(
        409,
        'Conflict',
        'test changed meanwhile (version 4)',
      ),
    );
    await renderTestPage(test, api);
    expect(api.getTest).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Edit red' }));
    await userEvent.type(screen.getByLabelText('Commands'), 'whoami');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(api.updateRed).toHaveBeenCalledWith(
      'test-draft',
      expect.objectContaining({ version: 3, commands: 'whoami' }),
    );
    expect(
      await screen.findByText(/test changed meanwhile \(version 4\)/),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getTest).toHaveBeenCalledTimes(2));
  });

  it('saves reordered and added remediation steps', async () => {
    const test = { ...validated, editableSections: ['remediation' as const] };
    const api = await renderTestPage(test);
    expect(screen.queryByRole('button', { name: 'Edit red' })).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Edit remediation' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Move step 2 up' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add step' }));
    await userEvent.type(screen.getByLabelText('Step 3'), 'Retest');
    await userEvent.selectOptions(
      screen.getByLabelText('Status of step 1'),
      'In progress',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(api.updateRemediation).toHaveBeenCalledWith('test-validated', {
      version: 3,
      status: 'in_progress',
      owner: 'group:default/blue-team',
      dueDate: '2026-04-01',
      steps: [
        { title: 'Alert on download cradles', status: 'in_progress' },
        { title: 'Enable script block logging', status: 'done' },
        { title: 'Retest', status: 'open' },
      ],
    });
  });
});
