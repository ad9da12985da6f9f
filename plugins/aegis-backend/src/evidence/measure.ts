import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { PayloadTooLargeError } from '../lib/errors';
import { SNIFF_BYTES } from './sniff';

/**
 * Counts, hashes and samples a stream on its way to the store, failing it
 * as soon as it passes the size limit.
 */
export function measure(stream: Readable, maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const body = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(
          new PayloadTooLargeError(
            `The file is larger than the limit of ${maxBytes} bytes (aegis.evidence.maxBytes); nothing was stored`,
          ),
        );
        return;
      }
      hash.update(chunk);
      if (head.length < SNIFF_BYTES) {
        head = Buffer.concat([
          head,
          chunk.subarray(0, SNIFF_BYTES - head.length),
        ]);
      }
      callback(null, chunk);
    },
  });
  stream.once('error', error => body.destroy(error));
  stream.pipe(body);
  return {
    body,
    result: () => ({ sha256: hash.digest('hex'), size, head }),
  };
}
