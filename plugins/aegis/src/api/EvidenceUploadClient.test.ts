import { mockApis } from '@backstage/test-utils';
import { File as NodeFile } from 'node:buffer';
import { EvidenceUploadClient } from './EvidenceUploadClient';
import { UploadError } from './uploadWithProgress';

/** Just enough of XMLHttpRequest to see what was sent and to answer. */
class FakeXhr {
  static last: FakeXhr;
  url = '';
  headers: Record<string, string> = {};
  body?: FormData;
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress?: (event: Partial<ProgressEvent>) => void } = {};
  onload?: () => void;
  onerror?: () => void;

  constructor() {
    FakeXhr.last = this;
  }

  open(_method: string, url: string) {
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: FormData) {
    this.body = body;
  }

  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const realXhr = window.XMLHttpRequest;

/**
 * A file the test environment's FormData accepts: that FormData is Node's and
 * refuses jsdom's File, a mix that browsers never have.
 */
function aFile(name: string): File {
  return new NodeFile(['whoami'], name) as unknown as File;
}

function client() {
  return EvidenceUploadClient.create({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    identityApi: mockApis.identity({ token: 'user-token' }),
  });
}

async function sent(): Promise<FakeXhr> {
  // The client awaits discovery and credentials before it opens the request.
  await new Promise(resolve => setTimeout(resolve, 0));
  return FakeXhr.last;
}

describe('EvidenceUploadClient', () => {
  beforeEach(() => {
    window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  });
  afterEach(() => {
    window.XMLHttpRequest = realXhr;
  });

  it('posts the description before the file with the token and reports progress', async () => {
    const onProgress = jest.fn();
    const file = aFile('shell.log');
    const upload = client().upload({
      testId: 'test 1',
      team: 'blue',
      file,
      description: 'Shell history',
      onProgress,
    });

    const xhr = await sent();
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 3, total: 6 });
    xhr.answer(201, { id: 'ev-1', filename: 'shell.log' });

    await expect(upload).resolves.toEqual({
      id: 'ev-1',
      filename: 'shell.log',
    });
    expect(xhr.url).toBe(
      'http://localhost:7007/api/aegis/tests/test%201/evidence?team=blue',
    );
    expect(xhr.headers.Authorization).toBe('Bearer user-token');
    expect([...(xhr.body?.keys() ?? [])]).toEqual(['description', 'file']);
    expect(onProgress).toHaveBeenCalledWith(0.5);
  });

  it("rejects with the server's message and status", async () => {
    const upload = client().upload({
      testId: 'test-1',
      team: 'red',
      file: aFile('big.bin'),
    });

    const xhr = await sent();
    xhr.answer(413, { error: { name: 'Error', message: 'file too large' } });

    await expect(upload).rejects.toEqual(
      new UploadError('file too large', 413),
    );
    await expect(upload).rejects.toHaveProperty('statusCode', 413);
    expect([...(xhr.body?.keys() ?? [])]).toEqual(['file']);
  });

  it('rejects when the server cannot be reached', async () => {
    const upload = client().upload({
      testId: 'test-1',
      team: 'red',
      file: aFile('a.txt'),
    });

    (await sent()).onerror?.();

    await expect(upload).rejects.toThrow(/server was not reached/);
  });
});
