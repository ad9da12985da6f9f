import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** The bucket the test S3 server holds. */
export const TEST_BUCKET = 'aegis-evidence';

/**
 * A real S3-protocol server (s3rver) on loopback with one bucket, and the
 * `aegis.evidence` config that points Aegis at it.
 */
export async function startS3() {
  const directory = await mkdtemp(join(tmpdir(), 'aegis-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: TEST_BUCKET }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    /** Client settings for direct access, as the tests tamper with objects. */
    client: {
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    evidenceConfig: {
      store: 's3',
      s3: {
        bucket: TEST_BUCKET,
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      },
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
