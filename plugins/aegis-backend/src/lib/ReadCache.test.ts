import { Request } from 'express';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations } from '../database/migrations';
import { DataFingerprint, raiseGeneration } from './DataFingerprint';
import { CachedAnswer, jsonAnswer, ReadCache } from './ReadCache';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** A request as the cache reads it: only its Cache-Control header. */
const request = (cacheControl?: string) =>
  ({ get: () => cacheControl } as unknown as Request);

describe.each(databases.eachSupportedId())('the read cache on %p', id => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(id);
    await applyMigrations({ getClient: async () => knex }, knex);
  });

  beforeEach(async () => {
    await knex('aegis_tests').delete();
    await knex('aegis_data_generations').delete();
  });

  const insertTest = async (at = new Date()) => {
    const testId = randomUUID();
    const now = at.toISOString();
    await knex('aegis_tests').insert({
      id: testId,
      title: 'Cache probe',
      platform: 'Linux',
      severity: 'low',
      state: 'draft',
      created_by: 'user:default/rita.redtech',
      created_at: now,
      updated_at: now,
    });
    return testId;
  };

  /** A cache over the database and a computation that counts its runs. */
  const setUp = (options = { maxBytes: 1_000_000, maxAgeMs: 60_000 }) => {
    const cache = new ReadCache(new DataFingerprint(knex), options);
    let runs = 0;
    const compute = async (): Promise<CachedAnswer> => {
      runs += 1;
      const [{ n }] = await knex('aegis_tests').count({ n: '*' });
      return jsonAnswer({ tests: Number(n), run: runs });
    };
    const read = async (key: unknown = ['tests'], cacheControl?: string) =>
      JSON.parse(
        (await cache.get(request(cacheControl), key, compute)).body,
      ) as { tests: number; run: number };
    return { cache, read, runs: () => runs };
  };

  it('serves an answer again while the data is unchanged', async () => {
    await insertTest();
    const { read, runs } = setUp();
    expect(await read()).toEqual({ tests: 1, run: 1 });
    expect(await read()).toEqual({ tests: 1, run: 1 });
    expect(runs()).toBe(1);
  });

  it('computes again after a test is added or changed', async () => {
    const testId = await insertTest();
    const { read } = setUp();
    expect(await read()).toEqual({ tests: 1, run: 1 });

    // Every writer sets updated_at. Two writes within one millisecond look
    // alike by it: the generation, which every writer raises as well, tells
    // them apart (next test).
    await insertTest(new Date(Date.now() + 1000));
    expect(await read()).toEqual({ tests: 2, run: 2 });

    await knex('aegis_tests')
      .where({ id: testId })
      .update({ updated_at: new Date(Date.now() + 2000).toISOString() });
    expect((await read()).run).toBe(3);
    expect((await read()).run).toBe(3);
  });

  it('computes again when a generation is raised', async () => {
    const { read } = setUp();
    expect((await read()).run).toBe(1);
    await raiseGeneration(knex, 'knowledge_base');
    expect((await read()).run).toBe(2);
    await raiseGeneration(knex, 'knowledge_base');
    expect((await read()).run).toBe(3);
    await raiseGeneration(knex, 'coverage_snapshots');
    expect((await read()).run).toBe(4);
    // A test changed by a transaction that began before a later one ended:
    // its updated_at is not the latest, its generation is.
    await raiseGeneration(knex, 'tests');
    expect((await read()).run).toBe(5);
    expect((await read()).run).toBe(5);
  });

  it('keeps one answer per key', async () => {
    const { read } = setUp();
    expect((await read(['a', { scope: 1 }])).run).toBe(1);
    expect((await read(['a', { scope: 2 }])).run).toBe(2);
    expect((await read(['a', { scope: 1 }])).run).toBe(1);
  });

  it('computes once for concurrent misses of one key', async () => {
    await insertTest();
    const { read, runs } = setUp();
    const answers = await Promise.all(Array.from({ length: 10 }, () => read()));
    expect(runs()).toBe(1);
    expect(new Set(answers.map(answer => answer.run))).toEqual(new Set([1]));
  });

  it('computes afresh for Cache-Control: no-cache, and keeps that answer', async () => {
    const { read } = setUp();
    expect((await read()).run).toBe(1);
    expect((await read(['tests'], 'no-cache')).run).toBe(2);
    expect((await read()).run).toBe(2);
  });

  it('drops answers older than the maximum age', async () => {
    const { read } = setUp({ maxBytes: 1_000_000, maxAgeMs: 0 });
    expect((await read()).run).toBe(1);
    expect((await read()).run).toBe(2);
  });

  it('evicts the least recently used answers beyond its size', async () => {
    // Each answer is {"tests":0,"run":N}: 19 bytes; two fit, not three.
    const { cache, read } = setUp({ maxBytes: 40, maxAgeMs: 60_000 });
    expect((await read(['a'])).run).toBe(1);
    expect((await read(['b'])).run).toBe(2);
    expect((await read(['a'])).run).toBe(1);
    expect((await read(['c'])).run).toBe(3);
    expect(cache.size).toBe(38);
    expect((await read(['a'])).run).toBe(1);
    expect((await read(['b'])).run).toBe(4);
  });

  it('refuses a key that holds a function, which JSON would drop', async () => {
    const { cache } = setUp();
    await expect(
      cache.get(request(), ['tests', { criteria: () => 'sql' }], async () =>
        jsonAnswer({}),
      ),
    ).rejects.toThrow(
      "A read cache key cannot hold a function (at 'criteria')",
    );
  });

  it('keeps no failed computation', async () => {
    const cache = new ReadCache(new DataFingerprint(knex), {
      maxBytes: 1_000,
      maxAgeMs: 60_000,
    });
    await expect(
      cache.get(request(), ['x'], async () => {
        throw new Error('database restarting');
      }),
    ).rejects.toThrow('database restarting');
    const answer = await cache.get(request(), ['x'], async () =>
      jsonAnswer({ ok: true }),
    );
    expect(JSON.parse(answer.body)).toEqual({ ok: true });
  });

  it('shares a fingerprint read among concurrent callers, never one begun before they called', async () => {
    const fingerprint = new DataFingerprint(knex);
    let statements = 0;
    const count = (query: { sql: string }) => {
      if (/aegis_tests|aegis_data_generations/.test(query.sql)) statements += 1;
    };
    knex.on('query', count);
    try {
      const callers = Array.from({ length: 10 }, () => fingerprint.current());
      const values = await Promise.all(callers);
      // The first caller's read, and one read shared by the nine others.
      expect(statements).toBe(4);
      expect(new Set(values.slice(1)).size).toBe(1);
    } finally {
      knex.removeListener('query', count);
    }

    const before = fingerprint.current();
    await insertTest();
    const after = await fingerprint.current();
    expect(after).not.toEqual(await before);
  });
});
