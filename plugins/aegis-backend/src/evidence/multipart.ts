import { InputError } from '@backstage/errors';
import busboy from 'busboy';
import { Request } from 'express';
import { IncomingFile } from './EvidenceService';

/** Fields that may come before the file in an upload. */
const FIELDS = ['description', 'sha256'] as const;

/**
 * Reads a multipart upload as a stream: resolves as soon as the `file` part
 * starts, with the fields sent before it, so the file is never buffered. The
 * fields must come first; anything after the file is ignored.
 */
export function readUpload(req: Request): Promise<IncomingFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Filenames in UTF-8, as browsers send them.
        defParamCharset: 'utf8',
        limits: {
          files: 1,
          fields: FIELDS.length,
          fieldSize: 16 * 1024,
          parts: 4,
        },
      });
    } catch (error) {
      reject(
        new InputError(
          `Invalid body: send multipart/form-data with a 'file' field (${
            (error as Error).message
          })`,
        ),
      );
      return;
    }

    const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
    let started = false;
    parser.on('field', (name, value) => {
      if ((FIELDS as readonly string[]).includes(name)) {
        fields[name as (typeof FIELDS)[number]] = value;
      }
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || started) {
        stream.resume();
        return;
      }
      started = true;
      const sha256 = fields.sha256?.trim().toLowerCase();
      if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) {
        stream.resume();
        reject(
          new InputError(
            'Invalid body: sha256: not a hex SHA-256 (64 characters)',
          ),
        );
        return;
      }
      resolve({
        stream,
        filename: info.filename,
        declaredType: info.mimeType,
        description: fields.description,
        expectedSha256: sha256,
      });
    });
    parser.on('error', error =>
      reject(new InputError(`Invalid body: ${(error as Error).message}`)),
    );
    parser.on('close', () => {
      if (!started) {
        reject(
          new InputError(
            "Invalid body: file: missing (send it as the multipart field 'file')",
          ),
        );
      }
    });
    req.pipe(parser);
  });
}
