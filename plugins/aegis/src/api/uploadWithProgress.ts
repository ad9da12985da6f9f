/**
 * An upload the server refused or that never reached it; `message` is the
 * server's own explanation when it sent one.
 */
export class UploadError extends Error {
  readonly statusCode?: number;

  constructor(message: string, statusCode?: number) {
    super(message);
    this.name = 'UploadError';
    this.statusCode = statusCode;
  }
}

/** One multipart POST whose progress the caller wants to follow. */
export interface UploadRequest {
  url: string;
  body: FormData;
  token?: string;
  /** Receives the fraction of the body sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `{ error: { message } }` that Backstage backends answer with. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return undefined;
  }
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return undefined;
  }
  return typeof error.message === 'string' ? error.message : undefined;
}

/**
 * Posts a form and answers the parsed JSON response. It uses XMLHttpRequest
 * because fetch cannot report how much of a request body was sent.
 */
export function uploadWithProgress(request: UploadRequest): Promise<unknown> {
  const { url, body, token, onProgress } = request;

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) {
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    xhr.upload.onprogress = event => {
      if (event.lengthComputable && event.total > 0) {
        onProgress?.(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      const answer = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(answer);
        return;
      }
      const message =
        serverMessage(answer) ??
        `The upload failed: ${xhr.status} ${xhr.statusText}`.trim();
      reject(new UploadError(message, xhr.status));
    };
    xhr.onerror = () =>
      reject(new UploadError('The upload failed: the server was not reached'));
    xhr.send(body);
  });
}
