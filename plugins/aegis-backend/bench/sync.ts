/* eslint-disable no-console */
// Benchmark of the ATT&CK sync on the full Enterprise bundle, on SQLite and
// on PostgreSQL: the floor (reading and parsing the bundle), the first sync
// and an unchanged re-sync, each with the statements that write. Run with
// `yarn bench:sync` from the repository root.
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DatabaseAttackStore } from '../src/attack/DatabaseAttackStore';
import { parseAttackBundle } from '../src/attack/stix/parseAttackBundle';
import { readBundleFile } from '../src/attack/stix/readBundleFile';
import { applyMigrations } from '../src/database/migrations';

const TARGET_FIRST = 4;
const TARGET_RESYNC = 1.5;

function bundlePath(): string {
  const folder =
    process.env.AEGIS_SHARED_DATA ?? join(__dirname, '../../../../shared/data');
  return join(folder, 'attack', 'enterprise-attack-18.1.json.gz');
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/**
 * Reading and parsing the bundle: what no sync can go below. The best of
 * three runs, after one to warm up, so the ratios are not flattered.
 */
async function floor(path: string) {
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [, ms] = await timed(async () =>
      parseAttackBundle(await readBundleFile(path), 'enterprise-attack'),
    );
    if (i > 0) times.push(ms);
  }
  return Math.min(...times);
}

async function syncOnce(knex: Knex, path: string) {
  const store = new DatabaseAttackStore(knex);
  let writes = 0;
  const listener = (query: { sql: string }) => {
    if (/^\s*(insert|update|delete)/i.test(query.sql)) writes += 1;
  };
  const [counts, ms] = await timed(async () => {
    const dataset = parseAttackBundle(
      await readBundleFile(path),
      'enterprise-attack',
    );
    const run = await store.startRun({
      domain: dataset.domain,
      trigger: 'bench',
    });
    knex.on('query', listener);
    try {
      return await store.applyDataset(dataset, run.id);
    } finally {
      knex.removeListener('query', listener);
    }
  });
  return { counts, ms, writes };
}

async function bench(name: string, knex: Knex, path: string, floorMs: number) {
  await applyMigrations({ getClient: async () => knex }, knex);
  const first = await syncOnce(knex, path);
  const again = await syncOnce(knex, path);
  const ratio = (ms: number) => (ms / floorMs).toFixed(2);
  console.log(`\n${name}`);
  console.log(
    `  first sync      ${first.ms.toFixed(0).padStart(7)} ms  ${ratio(
      first.ms,
    )}x floor (target ≤ ${TARGET_FIRST}x)  added ${first.counts.added}, ${
      first.writes
    } writing statements`,
  );
  console.log(
    `  unchanged sync  ${again.ms.toFixed(0).padStart(7)} ms  ${ratio(
      again.ms,
    )}x floor (target ≤ ${TARGET_RESYNC}x)  unchanged ${
      again.counts.unchanged
    }, ${again.writes} writing statements (target 0)`,
  );
}

async function main() {
  const path = bundlePath();
  const floorMs = await floor(path);
  console.log(`Bundle: ${path}`);
  console.log(
    `Floor (read, gunzip, JSON.parse, parse): ${floorMs.toFixed(0)} ms`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'aegis.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await bench('SQLite (file)', sqlite, path, floorMs);
  } finally {
    await sqlite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }

  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432';
  const database = `aegis_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  try {
    await admin.raw(`CREATE DATABASE ${database}`);
  } catch (error) {
    console.log(`\nPostgreSQL: skipped, ${(error as Error).message}`);
    await admin.destroy();
    return;
  }
  const pg = knexFactory({
    client: 'pg',
    connection: `${pgUrl.replace(/\/$/, '')}/${database}`,
  });
  try {
    await bench('PostgreSQL', pg, path, floorMs);
  } finally {
    await pg.destroy();
    await admin.raw(`DROP DATABASE ${database}`);
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
