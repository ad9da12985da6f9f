import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAegisApi,
  fakeEvidenceUploader,
  renderTestPage,
  sampleEvidence,
  sampleTests,
} from '../../__testUtils__';
import { UploadError } from '../../api/uploadWithProgress';

jest.setTimeout(20_000);

const inReview = sampleTests[1];
const [screenshot, commandLog] = sampleEvidence;
const redOpen = { canUpload: { red: true, blue: false }, canDownload: true };

function redFiles() {
  return screen.findByRole('list', { name: 'Red evidence files' });
}

function aFile(name: string) {
  return new File(['whoami\n'], name, { type: 'text/plain' });
}

describe('EvidencePanel', () => {
  it('lists the red files with size, type and shortened hash', async () => {
    await renderTestPage(inReview);

    const red = within(await redFiles());
    expect(red.getByText('crontab-screenshot.png')).toBeInTheDocument();
    expect(red.getByText('1.2 MB · image/png')).toBeInTheDocument();
    expect(red.getByText('512 B · text/plain')).toBeInTheDocument();
    expect(red.getByText('9f86d081884c…')).toBeInTheDocument();
    expect(red.getByTitle(screenshot.sha256)).toBeInTheDocument();
    expect(red.getByText('The added cron entry')).toBeInTheDocument();
    expect(red.queryByText('edr-alert.pdf')).toBeNull();
    expect(
      screen.getByText('application/zip (declared application/pdf)', {
        exact: false,
      }),
    ).toBeInTheDocument();
  });

  it('says when a side has no evidence', async () => {
    await renderTestPage(sampleTests[0]);

    expect(await screen.findByText('No red evidence yet.')).toBeInTheDocument();
    expect(screen.getByText('No blue evidence yet.')).toBeInTheDocument();
  });

  it('offers no upload or delete when the backend allows none', async () => {
    await renderTestPage(inReview);

    await redFiles();
    expect(screen.queryByRole('region', { name: /evidence here/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Choose/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });

  it('uploads a chosen file through the uploader and loads the list again', async () => {
    const api = fakeAegisApi({ tests: [inReview], evidenceAccess: redOpen });
    const uploader = fakeEvidenceUploader();
    await renderTestPage(inReview, api, uploader);
    await redFiles();
    expect(
      screen.queryByRole('region', { name: 'Drop blue evidence here' }),
    ).toBeNull();
    expect(api.listEvidence).toHaveBeenCalledTimes(1);

    await userEvent.upload(
      screen.getByTestId('evidence-input-red'),
      aFile('shell.log'),
    );
    expect(screen.getByText('shell.log (7 B)')).toBeInTheDocument();
    await userEvent.type(
      screen.getByLabelText('Description of the red evidence'),
      'Shell history',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Upload red evidence' }),
    );

    expect(uploader.upload).toHaveBeenCalledWith(
      expect.objectContaining({
        testId: 'test-review',
        team: 'red',
        description: 'Shell history',
        file: expect.objectContaining({ name: 'shell.log' }),
      }),
    );
    await waitFor(() => expect(api.listEvidence).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('shell.log (7 B)')).toBeNull();
  });

  it('takes a dropped file and shows the backend refusing it as too large', async () => {
    const api = fakeAegisApi({ tests: [inReview], evidenceAccess: redOpen });
    const uploader = fakeEvidenceUploader();
    uploader.upload.mockRejectedValueOnce(
      new UploadError('evidence exceeds the limit of 50 MB', 413),
    );
    await renderTestPage(inReview, api, uploader);

    fireEvent.drop(
      await screen.findByRole('region', { name: 'Drop red evidence here' }),
      { dataTransfer: { files: [aFile('memory.dmp')] } },
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Upload red evidence' }),
    );

    expect(
      await screen.findByText('evidence exceeds the limit of 50 MB'),
    ).toBeInTheDocument();
    expect(uploader.upload).toHaveBeenCalledWith(
      expect.objectContaining({
        team: 'red',
        description: undefined,
        file: expect.objectContaining({ name: 'memory.dmp' }),
      }),
    );
    expect(api.listEvidence).toHaveBeenCalledTimes(1);
  });

  it('shows whether the stored content still matches its hash', async () => {
    const api = fakeAegisApi({ tests: [inReview] });
    api.verifyEvidence.mockResolvedValueOnce({
      id: commandLog.id,
      match: false,
      expectedSha256: commandLog.sha256,
      actualSha256: 'c'.repeat(64),
      size: commandLog.size,
      verifiedAt: '2026-03-06T09:00:00Z',
    });
    await renderTestPage(inReview, api);
    await redFiles();

    await userEvent.click(
      screen.getByRole('button', { name: 'Verify commands.log' }),
    );
    expect(
      await screen.findByText('Tampered: stored content does not match'),
    ).toBeInTheDocument();
    expect(screen.queryByText('SHA-256 matches')).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Verify crontab-screenshot.png' }),
    );
    expect(await screen.findByText('SHA-256 matches')).toBeInTheDocument();
    expect(api.verifyEvidence).toHaveBeenCalledWith(screenshot.id);
  });

  it('links downloads to the backend after setting the download cookie', async () => {
    const api = await renderTestPage(inReview);

    expect(
      await screen.findByRole('link', {
        name: 'Download crontab-screenshot.png',
      }),
    ).toHaveAttribute(
      'href',
      'http://localhost:7007/api/aegis/evidence/ev-red-1/content',
    );
    expect(api.refreshDownloadCookie).toHaveBeenCalledTimes(1);
  });

  it('offers no download when the backend allows none', async () => {
    const api = fakeAegisApi({
      tests: [inReview],
      evidenceAccess: {
        canUpload: { red: false, blue: false },
        canDownload: false,
      },
    });
    await renderTestPage(inReview, api);

    await redFiles();
    expect(screen.queryByRole('link', { name: /^Download/ })).toBeNull();
    expect(api.refreshDownloadCookie).not.toHaveBeenCalled();
  });

  it('deletes a file only after confirmation, then loads the list again', async () => {
    const api = fakeAegisApi({ tests: [inReview], evidenceAccess: redOpen });
    await renderTestPage(inReview, api);
    await redFiles();
    expect(
      screen.queryByRole('button', { name: 'Delete edr-alert.pdf' }),
    ).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete commands.log' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Delete commands.log?' });
    expect(api.deleteEvidence).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );

    expect(api.deleteEvidence).toHaveBeenCalledWith(commandLog.id);
    await waitFor(() => expect(api.listEvidence).toHaveBeenCalledTimes(2));
  });
});
