import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ServiceUnavailableError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { S3StoreConfig } from './config';
import { attachmentDisposition } from './filenames';
import { ObjectStore } from './ObjectStore';

/** Parts of at least 8 MiB, four in flight: steady memory, good throughput. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;

/**
 * Evidence in any S3-compatible service (AWS S3, MinIO, Ceph). Large bodies
 * go up as multipart uploads; a failed upload is aborted so that no part is
 * left behind. Connection failures surface as 503s.
 */
export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3StoreConfig) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      requestChecksumCalculation: config.requestChecksumCalculation,
      responseChecksumValidation: config.responseChecksumValidation,
      maxAttempts: 3,
    });
  }

  async put(key: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
      params: {
        Bucket: this.config.bucket,
        Key: key,
        Body: body,
        ContentType: 'application/octet-stream',
        ServerSideEncryption: this.config.serverSideEncryption,
        SSEKMSKeyId: this.config.sseKmsKeyId,
      },
    });
    // A body that fails (too large, client gone) stops the upload, and its
    // error is the one to report, not the abort it causes.
    let bodyError: Error | undefined;
    body.once('error', error => {
      bodyError = error;
      upload.abort().catch(() => undefined);
    });
    await this.call(async () => {
      try {
        await upload.done();
      } catch (error) {
        throw bodyError ?? error;
      }
    });
  }

  async get(key: string): Promise<Readable | undefined> {
    try {
      const response = await this.call(() =>
        this.client.send(
          new GetObjectCommand({ Bucket: this.config.bucket, Key: key }),
        ),
      );
      return response.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const head = await this.call(() =>
        this.client.send(
          new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }),
        ),
      );
      return head.ContentLength;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async move(from: string, to: string): Promise<void> {
    if ((await this.size(to)) === undefined) {
      await this.call(() =>
        this.client.send(
          new CopyObjectCommand({
            Bucket: this.config.bucket,
            Key: to,
            CopySource: `${this.config.bucket}/${from
              .split('/')
              .map(encodeURIComponent)
              .join('/')}`,
            ServerSideEncryption: this.config.serverSideEncryption,
            SSEKMSKeyId: this.config.sseKmsKeyId,
          }),
        ),
      );
    }
    await this.delete(from);
  }

  async delete(key: string): Promise<void> {
    await this.call(() =>
      this.client.send(
        new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }),
      ),
    );
  }

  async presignDownload(
    key: string,
    filename: string,
    expiresInSeconds: number,
  ): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        ResponseContentType: 'application/octet-stream',
        ResponseContentDisposition: attachmentDisposition(filename),
      }),
      { expiresIn: expiresInSeconds },
    );
  }

  /** Runs an S3 call, turning "cannot reach the store" into a 503. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isMissing(error) || !isUnavailable(error)) {
        throw error;
      }
      throw new ServiceUnavailableError(
        `Evidence storage is unavailable: ${(error as Error).message}`,
      );
    }
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return (
      error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      error.$metadata?.httpStatusCode === 404
    );
  }
  return false;
}

/** Errors of a connection that never got an answer. */
const NETWORK_FAILURE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|socket hang up/;

/**
 * Network failures and the service's own 5xx answers; a 4xx from S3 is a
 * configuration problem and keeps its own message.
 */
function isUnavailable(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return (error.$metadata?.httpStatusCode ?? 500) >= 500;
  }
  const failure = error as {
    code?: string;
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  if (failure?.$metadata && failure.$metadata.httpStatusCode === undefined) {
    return true;
  }
  return (
    failure?.name === 'TimeoutError' ||
    NETWORK_FAILURE.test(`${failure?.code ?? ''} ${failure?.message ?? ''}`)
  );
}
