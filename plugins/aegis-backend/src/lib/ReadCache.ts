import { createHash } from 'node:crypto';
import { Config } from '@backstage/config';
import { Request, Response } from 'express';
import { DataFingerprint } from './DataFingerprint';

/** An answer as it goes on the wire: its headers and its body. */
export interface CachedAnswer {
  headers: Record<string, string>;
  body: string;
}

/** Limits of {@link ReadCache}. */
export interface ReadCacheOptions {
  /** The most bytes of bodies kept; the least recently used go first. */
  maxBytes: number;
  /**
   * The longest an answer is served, even with unchanged data: answers
   * that depend on the clock (staleness, "today") stay that current.
   */
  maxAgeMs: number;
}

type Entry = {
  answer: CachedAnswer;
  fingerprint: string;
  storedAt: number;
  bytes: number;
};

/**
 * Serialised answers of the expensive reads (metrics, reports, the test
 * list), kept while the data they came from is unchanged.
 *
 * The key names everything the answer depends on besides the data: the
 * route, the parsed query and the caller's permission scope as SQL, so that
 * two callers share an answer only when they would compute the same one.
 * Before serving, the data's fingerprint is read from the database; an
 * answer computed at another fingerprint is computed again. Concurrent
 * misses of one key compute once. A request with `Cache-Control: no-cache`
 * is computed afresh, as HTTP asks.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly computing = new Map<string, Promise<CachedAnswer>>();
  private bytes = 0;

  constructor(
    private readonly fingerprint: DataFingerprint,
    private readonly options: ReadCacheOptions,
  ) {}

  async get(
    req: Request,
    key: unknown,
    compute: () => Promise<CachedAnswer>,
  ): Promise<CachedAnswer> {
    const fingerprint = await this.fingerprint.current();
    const id = createHash('sha256').update(keyText(key)).digest('hex');
    const fresh = !/\bno-cache\b/i.test(req.get('cache-control') ?? '');

    const entry = this.entries.get(id);
    if (
      fresh &&
      entry?.fingerprint === fingerprint &&
      Date.now() - entry.storedAt < this.options.maxAgeMs
    ) {
      // Most recently used last: eviction takes from the front.
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.answer;
    }

    const flight = `${id}:${fingerprint}`;
    const running = fresh ? this.computing.get(flight) : undefined;
    if (running) {
      return running;
    }
    const computed = compute().then(answer => {
      this.store(id, {
        answer,
        fingerprint,
        storedAt: Date.now(),
        bytes: Buffer.byteLength(answer.body),
      });
      return answer;
    });
    this.computing.set(flight, computed);
    try {
      return await computed;
    } finally {
      if (this.computing.get(flight) === computed) {
        this.computing.delete(flight);
      }
    }
  }

  /** Sends the JSON of `build`, from the cache while the data is unchanged. */
  async sendJson(
    req: Request,
    res: Response,
    key: unknown,
    build: () => Promise<unknown>,
  ): Promise<void> {
    const answer = await this.get(req, key, async () =>
      jsonAnswer(await build()),
    );
    sendAnswer(res, answer);
  }

  /** Bytes of the bodies kept, for tests and the logs. */
  get size(): number {
    return this.bytes;
  }

  private store(id: string, entry: Entry) {
    this.remove(id);
    if (entry.bytes > this.options.maxBytes) {
      return;
    }
    this.entries.set(id, entry);
    this.bytes += entry.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(id: string) {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.bytes -= entry.bytes;
    }
  }
}

/** A JSON answer. */
export function jsonAnswer(value: unknown): CachedAnswer {
  return {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  };
}

/** Sends an answer with status 200. */
export function sendAnswer(res: Response, answer: CachedAnswer): void {
  res.status(200).set(answer.headers).send(answer.body);
}

/** Reads `aegis.readCache`, failing with the name of a bad key. */
export function readCacheOptions(config: Config): ReadCacheOptions {
  const sizeKey = 'aegis.readCache.maxMegabytes';
  const megabytes = config.getOptionalNumber(sizeKey) ?? 64;
  const ageKey = 'aegis.readCache.maxAgeSeconds';
  const seconds = config.getOptionalNumber(ageKey) ?? 60;
  for (const [key, value] of [
    [sizeKey, megabytes],
    [ageKey, seconds],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(
        `Invalid config at ${key}: must be a number of at least 0, not ${value}`,
      );
    }
  }
  return { maxBytes: megabytes * 1024 * 1024, maxAgeMs: seconds * 1000 };
}

/**
 * A key as text. A function (such as permission criteria turned into SQL)
 * would vanish from JSON and let callers of different scopes share a key:
 * it is refused.
 */
function keyText(key: unknown): string {
  return JSON.stringify(key, (name, value) => {
    if (typeof value === 'function') {
      throw new Error(
        `A read cache key cannot hold a function (at '${name}'): key by data`,
      );
    }
    return value;
  });
}
