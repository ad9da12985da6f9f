import { InputError } from '@backstage/errors';
import { createReadStream } from 'fs';
import { createGunzip } from 'zlib';

/** Largest bundle Aegis reads, decompressed: Enterprise 18.1 is 51 MB. */
export const DEFAULT_MAX_BUNDLE_BYTES = 300 * 1024 * 1024;

/**
 * Reads a STIX bundle from a `.json` or `.json.gz` file (gzip is recognised
 * by its magic bytes) and parses it, refusing more than `maxBytes` of
 * decompressed JSON so a hostile archive cannot exhaust memory.
 */
export async function readBundleFile(
  path: string,
  maxBytes: number = DEFAULT_MAX_BUNDLE_BYTES,
): Promise<unknown> {
  const gzipped = await startsWithGzipMagic(path);
  const source = createReadStream(path);
  const stream = gzipped ? source.pipe(createGunzip()) : source;

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      source.destroy();
      throw new InputError(
        `The bundle ${path} is larger than ${maxBytes} bytes decompressed`,
      );
    }
    chunks.push(chunk as Buffer);
  }

  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new InputError(
      `The bundle ${path} is not JSON: ${(error as Error).message}`,
    );
  }
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const stream = createReadStream(path, { start: 0, end: 1 });
  const bytes: Buffer[] = [];
  for await (const chunk of stream) bytes.push(chunk as Buffer);
  const head = Buffer.concat(bytes);
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}
