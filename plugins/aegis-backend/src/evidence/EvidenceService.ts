import {
  Evidence,
  EvidenceTeam,
  EvidenceVerification,
} from '@aegis-security/plugin-aegis-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Knex } from 'knex';
import { AuditStore } from '../audit/AuditStore';
import { Caller } from '../tests/TestWorkflow';
import { raiseGeneration } from '../lib/DataFingerprint';
import { EvidenceIntegrityError } from '../lib/errors';
import { EvidenceRow, toEvidence } from './evidenceRows';
import { sanitizeFilename } from './filenames';
import { measure } from './measure';
import { ObjectStore } from './ObjectStore';
import { detectContentType } from './sniff';

/** The states in which each team may add or remove evidence. */
export const OPEN_PHASES: Record<EvidenceTeam, readonly string[]> = {
  red: ['draft', 'red_executing'],
  blue: ['blue_evaluating'],
};

/** A stored evidence file with where its content lives. */
export interface StoredEvidence extends Evidence {
  objectKey: string;
}

/** One file arriving in an upload request. */
export interface IncomingFile {
  stream: Readable;
  filename?: string;
  declaredType?: string;
  description?: string;
  /** The SHA-256 the client computed, to be checked. */
  expectedSha256?: string;
}

/** What the service is told about a test it stores evidence for. */
export interface EvidenceTarget {
  id: string;
  round: number;
}

/**
 * Evidence files: streamed into the object store while their SHA-256 is
 * computed, stored under test, team and hash, described by a metadata row
 * written with its audit row, and checked against the hash whenever they are
 * read back. An upload is recorded as in flight before any byte is stored,
 * so the clean-up task finds objects whose metadata never landed.
 */
export class EvidenceService {
  constructor(
    private readonly options: {
      db: Knex;
      store: ObjectStore;
      maxBytes: number;
      /** Presigned download URLs, for stores and configs that offer them. */
      presign?: { minBytes: number; expirySeconds: number };
      auditStore: AuditStore;
      logger: LoggerService;
      onIntegrityFailure: (
        evidence: StoredEvidence,
        actualSha256: string,
      ) => Promise<void>;
    },
  ) {}

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  async list(testId: string): Promise<StoredEvidence[]> {
    const rows: EvidenceRow[] = await this.options
      .db('aegis_evidence')
      .where({ test_id: testId })
      .whereNull('deleted_at')
      .orderBy('uploaded_at')
      .orderBy('id');
    return rows.map(toEvidence);
  }

  async get(id: string): Promise<StoredEvidence | undefined> {
    const row: EvidenceRow | undefined = await this.options
      .db('aegis_evidence')
      .where({ id })
      .whereNull('deleted_at')
      .first();
    return row && toEvidence(row);
  }

  /** How many live files a team has in a round, for the submit checks. */
  async count(
    testId: string,
    round: number,
    team: EvidenceTeam,
    trx: Knex | Knex.Transaction = this.options.db,
  ): Promise<number> {
    const [{ count }] = await trx('aegis_evidence')
      .where({ test_id: testId, round, team })
      .whereNull('deleted_at')
      .count({ count: '*' });
    return Number(count);
  }

  async upload(
    test: EvidenceTarget,
    team: EvidenceTeam,
    file: IncomingFile,
    caller: Caller,
  ): Promise<StoredEvidence> {
    const { db, store } = this.options;
    const uploadId = randomUUID();
    // With the client's hash the file lands under its own final key and is
    // never copied; without it, it lands aside and moves once hashed.
    const directKey = file.expectedSha256
      ? `tests/${test.id}/${team}/${file.expectedSha256}.${uploadId}`
      : undefined;
    const landingKey = directKey ?? `incoming/${uploadId}`;
    await this.recordInFlight(uploadId, landingKey, directKey);

    const measured = measure(file.stream, this.options.maxBytes);
    try {
      await store.put(landingKey, measured.body);
    } catch (error) {
      await this.forget(uploadId, landingKey);
      throw error;
    }
    const { sha256, size, head } = measured.result();

    if (file.expectedSha256 && file.expectedSha256 !== sha256) {
      await this.forget(uploadId, landingKey);
      throw new InputError(
        `Invalid body: sha256: the received file hashes to ${sha256}, not ${file.expectedSha256}; nothing was stored`,
      );
    }

    let objectKey = landingKey;
    let existed = false;
    if (!directKey) {
      // Identical content of the same test and team is stored once.
      objectKey = `tests/${test.id}/${team}/${sha256}`;
      await db('aegis_evidence_uploads')
        .where({ id: uploadId })
        .update({ final_key: objectKey });
      existed = (await store.size(objectKey)) !== undefined;
      await store.move(landingKey, objectKey);
    }

    const id = randomUUID();
    const row = {
      id,
      test_id: test.id,
      round: test.round,
      team,
      object_key: objectKey,
      sha256,
      size,
      filename: sanitizeFilename(file.filename),
      description: file.description?.trim() || null,
      declared_type: file.declaredType?.slice(0, 255) || null,
      detected_type: detectContentType(head) ?? null,
      uploaded_by: caller.ref,
      uploaded_at: new Date().toISOString(),
      deleted_at: null,
    };
    try {
      await db.transaction(async trx => {
        await this.claimOpenPhase(trx, test, team);
        await trx('aegis_evidence').insert(row);
        await addRoundActor(trx, test, team, caller.ref);
        await this.audit(trx, caller, 'evidence.upload', test.id, {
          evidenceId: id,
          team,
          filename: row.filename,
          sha256,
          size,
        });
        await trx('aegis_evidence_uploads').where({ id: uploadId }).delete();
        await raiseGeneration(trx, 'tests');
      });
    } catch (error) {
      if (!existed) {
        await this.removeIfUnreferenced(objectKey).catch(cleanupError =>
          this.options.logger.warn(
            `Left ${objectKey} for the evidence clean-up task`,
            cleanupError,
          ),
        );
      }
      throw error;
    }
    return toEvidence(row);
  }

  /**
   * The content of a file, checked against its hash as it streams: the last
   * chunk is held back until the whole content has been hashed, so a
   * mismatch ends the stream with an error before the reader has it all.
   */
  async open(evidence: StoredEvidence): Promise<Readable> {
    const source = await this.openStored(evidence);
    const hash = createHash('sha256');
    let held: Buffer | undefined;
    const onIntegrityFailure = (actual: string) =>
      this.integrityFailure(evidence, actual);

    const checked = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        const previous = held;
        held = chunk;
        callback(null, previous);
      },
      flush(callback) {
        const actual = hash.digest('hex');
        if (actual !== evidence.sha256) {
          onIntegrityFailure(actual).finally(() =>
            callback(integrityError(evidence)),
          );
          return;
        }
        callback(null, held);
      },
    });
    source.once('error', error => checked.destroy(error));
    return source.pipe(checked);
  }

  /** Reads a file again and reports whether it still matches its hash. */
  async verify(
    evidence: StoredEvidence,
    caller: Caller,
  ): Promise<EvidenceVerification> {
    const source = await this.openStored(evidence);
    const hash = createHash('sha256');
    let size = 0;
    await pipeline(source, async function* count(chunks) {
      for await (const chunk of chunks) {
        size += (chunk as Buffer).length;
        hash.update(chunk as Buffer);
      }
      yield* [];
    });
    const actual = hash.digest('hex');
    const match = actual === evidence.sha256;
    if (!match) {
      await this.integrityFailure(evidence, actual);
    }
    await this.options.auditStore.append({
      actor: caller.ref,
      action: 'evidence.verify',
      entityType: 'evidence',
      entityId: evidence.id,
      after: { match, sha256: actual },
      requestId: caller.requestId,
    });
    return {
      id: evidence.id,
      match,
      expectedSha256: evidence.sha256,
      actualSha256: actual,
      size,
      verifiedAt: new Date().toISOString(),
    };
  }

  /**
   * A soft delete, while the team's phase of the file's round is open. The
   * content leaves the store when no live file refers to it any more.
   */
  async remove(
    evidence: StoredEvidence,
    test: EvidenceTarget,
    caller: Caller,
  ): Promise<void> {
    if (evidence.round !== test.round) {
      throw new ConflictError(
        `Evidence ${evidence.id} belongs to round ${evidence.round}, which is closed; earlier rounds are read-only`,
      );
    }
    await this.options.db.transaction(async trx => {
      await this.claimOpenPhase(trx, test, evidence.team);
      const deleted = await trx('aegis_evidence')
        .where({ id: evidence.id })
        .whereNull('deleted_at')
        .update({
          deleted_at: new Date().toISOString(),
          deleted_by: caller.ref,
        });
      if (!deleted) {
        throw new NotFoundError(`No evidence ${evidence.id}`);
      }
      await this.audit(trx, caller, 'evidence.delete', test.id, {
        evidenceId: evidence.id,
        team: evidence.team,
        filename: evidence.filename,
        sha256: evidence.sha256,
      });
      await raiseGeneration(trx, 'tests');
    });
    await this.removeIfUnreferenced(evidence.objectKey).catch(error =>
      this.options.logger.warn(
        `Left ${evidence.objectKey} for the evidence clean-up task`,
        error,
      ),
    );
  }

  /** Records a download in the audit log. */
  async recordDownload(
    evidence: StoredEvidence,
    caller: Caller,
    how: 'stream' | 'presigned' = 'stream',
  ) {
    await this.options.auditStore.append({
      actor: caller.ref,
      action: 'evidence.download',
      entityType: 'evidence',
      entityId: evidence.id,
      after: { testId: evidence.testId, sha256: evidence.sha256, how },
      requestId: caller.requestId,
    });
  }

  /**
   * A short-lived URL that downloads a large file straight from the store,
   * as an octet-stream attachment. Its content is not hash-checked on the
   * way, which is why it is opt-in and for large files only.
   */
  async presignedUrl(
    evidence: StoredEvidence,
  ): Promise<{ url: string; expiresAt: string }> {
    const { presign, store } = this.options;
    if (!presign || !store.presignDownload) {
      throw new ConflictError(
        'Presigned downloads are off (aegis.evidence.s3.presignedDownloads.enabled); download through /evidence/{id}/content',
      );
    }
    if (evidence.size < presign.minBytes) {
      throw new ConflictError(
        `Evidence ${evidence.id} is smaller than ${presign.minBytes} bytes (aegis.evidence.s3.presignedDownloads.minBytes); download through /evidence/{id}/content`,
      );
    }
    const url = await store.presignDownload(
      evidence.objectKey,
      evidence.filename,
      presign.expirySeconds,
    );
    return {
      url,
      expiresAt: new Date(
        Date.now() + presign.expirySeconds * 1000,
      ).toISOString(),
    };
  }

  /**
   * Removes what failed uploads and deletions left in the store: objects of
   * uploads in flight for longer than `olderThan`, and content of deleted
   * files that no live file refers to. Answers how many objects it removed.
   */
  async cleanUp(olderThan: Date): Promise<number> {
    const { db, store } = this.options;
    let removed = 0;
    const stale: Array<{
      id: string;
      temporary_key: string;
      final_key: string | null;
    }> = await db('aegis_evidence_uploads').where(
      'started_at',
      '<',
      olderThan.toISOString(),
    );
    for (const upload of stale) {
      await store.delete(upload.temporary_key);
      // The record goes first: it would otherwise keep its own object alive.
      await db('aegis_evidence_uploads').where({ id: upload.id }).delete();
      if (upload.final_key) {
        await this.removeIfUnreferenced(upload.final_key);
      }
      removed += 1;
    }

    const keys: string[] = await db('aegis_evidence as gone')
      .whereNotNull('gone.deleted_at')
      .whereNull('gone.object_removed_at')
      .distinct('gone.object_key')
      .pluck('gone.object_key');
    for (const key of keys) {
      if (await this.removeIfUnreferenced(key)) {
        removed += 1;
      }
    }
    return removed;
  }

  /** Deletes an object no live file refers to; answers whether it did. */
  private async removeIfUnreferenced(objectKey: string): Promise<boolean> {
    const { db, store } = this.options;
    const live = await db('aegis_evidence')
      .where({ object_key: objectKey })
      .whereNull('deleted_at')
      .first();
    // An upload about to refer to the same object keeps it too.
    const arriving = await db('aegis_evidence_uploads')
      .where({ final_key: objectKey })
      .first();
    if (live || arriving) {
      return false;
    }
    await store.delete(objectKey);
    await db('aegis_evidence')
      .where({ object_key: objectKey })
      .whereNull('object_removed_at')
      .update({ object_removed_at: new Date().toISOString() });
    return true;
  }

  /**
   * Checks, under the test row's lock, that the team's phase is still open
   * in the round the upload or deletion was authorised for.
   */
  private async claimOpenPhase(
    trx: Knex.Transaction,
    test: EvidenceTarget,
    team: EvidenceTeam,
  ): Promise<void> {
    const claimed = await trx('aegis_tests')
      .where({ id: test.id, round: test.round })
      .whereIn('state', OPEN_PHASES[team])
      .update({ updated_at: new Date().toISOString() });
    if (!claimed) {
      throw new ConflictError(
        `The ${team} evidence of test ${
          test.id
        } closed meanwhile: it changes only while the test is ${OPEN_PHASES[
          team
        ].join(' or ')} in its current round`,
      );
    }
  }

  private async openStored(evidence: StoredEvidence): Promise<Readable> {
    const { store } = this.options;
    const size = await store.size(evidence.objectKey);
    if (size !== evidence.size) {
      await this.integrityFailure(
        evidence,
        size === undefined ? 'missing' : `size ${size}`,
      );
      throw integrityError(evidence);
    }
    const stream = await store.get(evidence.objectKey);
    if (!stream) {
      await this.integrityFailure(evidence, 'missing');
      throw integrityError(evidence);
    }
    return stream;
  }

  private async integrityFailure(evidence: StoredEvidence, actual: string) {
    this.options.logger.error(
      `Evidence ${evidence.id} of test ${evidence.testId} failed its integrity check: expected ${evidence.sha256}, found ${actual}`,
    );
    await this.options.auditStore.append({
      actor: 'plugin:aegis',
      action: 'evidence.integrity-failure',
      entityType: 'test',
      entityId: evidence.testId,
      before: { evidenceId: evidence.id, sha256: evidence.sha256 },
      after: { evidenceId: evidence.id, found: actual },
    });
    await this.options.onIntegrityFailure(evidence, actual);
  }

  private async recordInFlight(
    id: string,
    temporaryKey: string,
    finalKey?: string,
  ) {
    try {
      await this.options.db('aegis_evidence_uploads').insert({
        id,
        temporary_key: temporaryKey,
        final_key: finalKey ?? null,
        started_at: new Date().toISOString(),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `The Aegis database is unavailable, so the upload was not started: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** Drops a failed upload's object and in-flight record, best effort. */
  private async forget(uploadId: string, temporaryKey: string) {
    try {
      await this.options.store.delete(temporaryKey);
      await this.options
        .db('aegis_evidence_uploads')
        .where({ id: uploadId })
        .delete();
    } catch (error) {
      this.options.logger.warn(
        `Left the failed upload ${uploadId} for the evidence clean-up task`,
        error as Error,
      );
    }
  }

  private async audit(
    trx: Knex.Transaction,
    caller: Caller,
    action: string,
    testId: string,
    after: unknown,
  ) {
    await this.options.auditStore.append(
      {
        actor: caller.ref,
        action,
        entityType: 'test',
        entityId: testId,
        after,
        requestId: caller.requestId,
      },
      trx,
    );
  }
}

async function addRoundActor(
  trx: Knex.Transaction,
  test: EvidenceTarget,
  team: EvidenceTeam,
  actor: string,
) {
  const column = team === 'red' ? 'red_actors' : 'blue_actors';
  const round = await trx('aegis_test_rounds')
    .where({ test_id: test.id, round: test.round })
    .first(column);
  const actors: string[] = JSON.parse(round?.[column] ?? '[]');
  if (!actors.includes(actor)) {
    await trx('aegis_test_rounds')
      .where({ test_id: test.id, round: test.round })
      .update({ [column]: JSON.stringify([...actors, actor]) });
  }
}

function integrityError(evidence: StoredEvidence) {
  return new EvidenceIntegrityError(
    `Evidence ${evidence.id} failed its integrity check: the stored content does not match its SHA-256 ${evidence.sha256}. The leads were notified.`,
  );
}
