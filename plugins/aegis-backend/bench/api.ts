/* eslint-disable no-console */
// Benchmark of the read endpoints of the Aegis API over the demo database
// that `yarn seed:demo` fills: for each endpoint, the SQL it runs (timed
// from the backend's own knex events, summed per request, median of
// sequential requests that bypass the read cache) next to its latency at 1
// and 20 concurrent clients in three conditions: unchanged data (answers
// come from the read cache), a test changing every second while the clients
// read (each change makes the next answer be computed again), and every
// request computed afresh (`Cache-Control: no-cache`). Run with
// `yarn bench:api` from the repository root:
//
//   yarn bench:api [--database postgres:<connection string>]
//     [--duration 8] [--sql-runs 15] [--only metrics/summary,tests]
//
// The backend runs as the portal runs it, with real user tokens and the
// real permission policy; the load comes from a child process.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Knex } from 'knex';
import { startAegisPortal } from '../src/__testUtils__/startAegisPortal';
import { LoadRequest, LoadResult, serveLoads } from './apiLoad';
import {
  DEFAULT_DATABASE,
  openDemoDatabase,
  readOptions,
} from './demoDatabase';

type Endpoint = {
  path: string;
  /** Absolute p95 target at 20 clients, in ms, where the issue sets one. */
  targetP95?: number;
  as: 'admin' | 'blue_tech';
};

const USERS = { admin: 'ada.admin', blue_tech: 'bea.bluetech' };

const ENDPOINTS: Endpoint[] = [
  { path: '/tests', targetP95: 100, as: 'admin' },
  { path: '/tests', targetP95: 100, as: 'blue_tech' },
  ...[
    'summary',
    'by-tactic',
    'test-pipeline',
    'team-activity',
    'validation-rate',
    'recent-tests',
    'trend',
  ].map(name => ({
    path: `/metrics/${name}`,
    targetP95: 100,
    as: 'admin' as const,
  })),
  { path: '/reports/coverage-summary', targetP95: 300, as: 'admin' },
  { path: '/reports/test-results', as: 'admin' },
  { path: '/reports/remediation-status', as: 'admin' },
  { path: '/reports/navigator-layer', targetP95: 300, as: 'admin' },
  {
    path: '/coverage?entityRef=component:default/payments-api',
    as: 'admin',
  },
];

/** No endpoint slower than 3x its SQL, or its SQL plus 20 ms if larger. */
const OVERHEAD_RATIO = 3;
const OVERHEAD_MS = 20;
const WARM_UP_REQUESTS = 3;

/** The header that marks the requests whose SQL is timed. */
const MEASURE_HEADER = 'x-aegis-bench-sql';
/** What a client sends to have an answer computed afresh. */
const NO_CACHE = { 'cache-control': 'no-cache' };
/** How often the writer changes a test during the "with writes" loads. */
const WRITE_INTERVAL_MS = 1000;

/**
 * Times the statements that requests marked with the measure header run:
 * each from its knex `query` event to its `query-response`, added up. The
 * request's async context tells its statements from those of other work
 * (the permission policy's role lookups, scheduled tasks).
 */
class SqlClock {
  private readonly marked = new AsyncLocalStorage<boolean>();
  private readonly started = new Map<string, number>();
  private readonly sqlOf = new Map<string, string>();
  private total = 0;
  private statements = 0;
  private slowest = { ms: 0, sql: '' };
  /** When a statement of other work last ran. */
  lastOtherWork = performance.now();

  constructor(knex: Knex, server: Server) {
    // The first listener of each request: the rest of its handling, and the
    // statements it runs, inherit the mark.
    server.prependListener('request', (request: IncomingMessage) => {
      this.marked.enterWith(request.headers[MEASURE_HEADER] === '1');
    });
    knex.on('query', (query: { __knexQueryUid: string; sql: string }) => {
      if (this.marked.getStore()) {
        this.started.set(query.__knexQueryUid, performance.now());
        this.sqlOf.set(query.__knexQueryUid, query.sql);
      } else if (!query.sql.includes('backstage_backend_tasks')) {
        this.lastOtherWork = performance.now();
      }
    });
    knex.on(
      'query-response',
      (_response: unknown, query: { __knexQueryUid: string }) => {
        const start = this.started.get(query.__knexQueryUid);
        if (start === undefined) return;
        const ms = performance.now() - start;
        const sql = this.sqlOf.get(query.__knexQueryUid) ?? '';
        this.started.delete(query.__knexQueryUid);
        this.sqlOf.delete(query.__knexQueryUid);
        this.total += ms;
        this.statements += 1;
        if (ms > this.slowest.ms) this.slowest = { ms, sql };
      },
    );
  }

  async measure(work: (headers: Record<string, string>) => Promise<void>) {
    this.total = 0;
    this.statements = 0;
    this.slowest = { ms: 0, sql: '' };
    await work({ [MEASURE_HEADER]: '1', ...NO_CACHE });
    return {
      ms: this.total,
      statements: this.statements,
      slowest: this.slowest,
    };
  }

  /** Waits until start-up tasks leave the database alone for a while. */
  async quiet(quietMs: number, maxMs: number) {
    const start = performance.now();
    while (
      performance.now() - this.lastOtherWork < quietMs &&
      performance.now() - start < maxMs
    ) {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function startLoadProcess(): Promise<ChildProcess> {
  const child = fork(__filename, ['load'], { execArgv: process.execArgv });
  await new Promise<void>((resolve, reject) => {
    // The TypeScript loader reports each file it compiles on this channel too.
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'ready') resolve();
    });
    child.once('exit', code =>
      reject(new Error(`The load process exited with code ${code}`)),
    );
  });
  return child;
}

function load(child: ChildProcess, request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (
      message: LoadResult | { type: string; message: string },
    ) => {
      if (message.type === 'result') {
        child.off('message', onMessage);
        resolve(message as LoadResult);
      } else if (message.type === 'error') {
        child.off('message', onMessage);
        reject(new Error((message as { message: string }).message));
      }
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

/** The bundle the demo database was synced from, for the file source. */
async function syncedBundle(knex: Knex): Promise<string | undefined> {
  const run = await knex('aegis_attack_sync_runs')
    .where({ outcome: 'succeeded', domain: 'enterprise-attack' })
    .orderBy('id', 'desc')
    .first('source_detail');
  return run?.source_detail ?? undefined;
}

/**
 * Changes a draft test through the API every second, as people at work do,
 * while a load runs: each change gives the data a new fingerprint, so the
 * next answer of each endpoint is computed again. Its title goes back and
 * forth between the seeded one and a marked one.
 */
class Writer {
  private running?: Promise<void>;
  private stopped = false;
  writes = 0;
  failures = 0;

  constructor(
    private readonly base: string,
    private readonly authorization: string,
    private readonly test: { id: string; title: string },
  ) {}

  start() {
    this.stopped = false;
    this.running = this.loop();
  }

  async stop() {
    this.stopped = true;
    await this.running;
  }

  private async loop() {
    const url = `${this.base}/tests/${this.test.id}`;
    const headers = {
      authorization: this.authorization,
      'content-type': 'application/json',
    };
    while (!this.stopped) {
      const started = performance.now();
      const current = await (await fetch(url, { headers })).json();
      const title =
        current.title === this.test.title
          ? `${this.test.title} (bench)`
          : this.test.title;
      const response = await fetch(url, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ title, version: current.version }),
      });
      await response.arrayBuffer();
      if (response.ok) this.writes += 1;
      else this.failures += 1;
      const wait = WRITE_INTERVAL_MS - (performance.now() - started);
      if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
    }
    // Leave the seeded title as it was.
    const current = await (await fetch(url, { headers })).json();
    if (current.title !== this.test.title) {
      await fetch(url, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({
          title: this.test.title,
          version: current.version,
        }),
      });
    }
  }
}

const fmt = (ms: number | null) => (ms === null ? '—' : ms.toFixed(1));
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

async function main() {
  const options = readOptions(process.argv.slice(2));
  const durationSeconds = Number(options.get('duration') ?? 8);
  const sqlRuns = Number(options.get('sql-runs') ?? 15);
  const database = await openDemoDatabase(
    options.get('database') ?? DEFAULT_DATABASE,
    { create: false },
  );
  const { knex } = database;
  const [{ count: tests }] = await knex('aegis_tests').count({ count: '*' });
  if (!Number(tests)) {
    throw new Error(`${database.label} holds no tests; run yarn seed:demo`);
  }
  const bundle = await syncedBundle(knex);
  console.log(`Database: ${database.label}, ${tests} tests`);

  const loadProcess = await startLoadProcess();
  const portal = await startAegisPortal({
    knex,
    aegisConfig: {
      // The data was synced by the seeder: the scheduled sync has nothing
      // to do, and would only sync the same bundle again.
      attack: {
        ...(bundle && { sources: { file: { 'enterprise-attack': bundle } } }),
        minInterval: { days: 365 },
      },
      evidence: {
        local: { directory: mkdtempSync(join(tmpdir(), 'aegis-bench-')) },
      },
      // As a portal runs: the policy keeps a user's roles for 30 seconds.
      access: { defaultRole: 'none', policyCacheSeconds: 30 },
    },
  });
  const server = portal.server as Server;
  const sqlClock = new SqlClock(knex, server);
  console.log('Waiting for the start-up tasks to finish');
  await sqlClock.quiet(5000, 10 * 60_000);
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/aegis`;
  const tokens = {
    admin: `Bearer ${await portal.userToken(USERS.admin)}`,
    blue_tech: `Bearer ${await portal.userToken(USERS.blue_tech)}`,
  };

  const draft = await knex('aegis_tests')
    .where({ state: 'draft', blind: false })
    .orderBy('id')
    .first('id', 'title');
  if (!draft) {
    throw new Error(`${database.label} holds no draft test to change`);
  }
  const writer = new Writer(base, tokens.admin, draft);

  const rows: string[][] = [];
  const failures: string[] = [];
  const slowStatements: string[] = [];
  const loadBefore = os.loadavg()[0];
  try {
    const only = options.get('only')?.split(',');
    const endpoints = only
      ? ENDPOINTS.filter(e => only.some(part => e.path.includes(part)))
      : ENDPOINTS;
    for (const endpoint of endpoints) {
      const url = `${base}${endpoint.path}`;
      const authorization = tokens[endpoint.as];
      const label = `${endpoint.path} (${endpoint.as})`;
      const get = async (headers: Record<string, string> = {}) => {
        const response = await fetch(url, {
          headers: { authorization, ...headers },
        });
        await response.arrayBuffer();
        return response.status;
      };

      const status = await get();
      if (status === 404) {
        console.log(`${label}: 404 — not available`);
        continue;
      }
      if (status !== 200) {
        console.log(`${label}: answered ${status}, skipped`);
        failures.push(label);
        continue;
      }
      for (let i = 0; i < WARM_UP_REQUESTS; i++) await get();
      const sql: number[] = [];
      let statements = 0;
      let slowest = { ms: 0, sql: '' };
      for (let i = 0; i < sqlRuns; i++) {
        const measured = await sqlClock.measure(async headers => {
          await get(headers);
        });
        sql.push(measured.ms);
        statements = measured.statements;
        if (measured.slowest.ms > slowest.ms) slowest = measured.slowest;
      }
      const sqlMs = median(sql);

      const run = (connections: number, headers: Record<string, string> = {}) =>
        load(loadProcess, {
          type: 'load',
          url,
          authorization,
          headers,
          connections,
          durationSeconds,
        });
      const cachedOne = await run(1);
      const cachedTwenty = await run(20);
      writer.start();
      const writesBefore = writer.writes;
      const written = await run(20);
      await writer.stop();
      const writes = writer.writes - writesBefore;
      const uncachedOne = await run(1, NO_CACHE);
      const uncachedTwenty = await run(20, NO_CACHE);
      const loads = [
        cachedOne,
        cachedTwenty,
        written,
        uncachedOne,
        uncachedTwenty,
      ];

      const allowed = Math.max(OVERHEAD_RATIO * sqlMs, sqlMs + OVERHEAD_MS);
      const overheadPass =
        uncachedOne.p50 !== null && uncachedOne.p50 <= allowed;
      const under = (result: LoadResult) =>
        endpoint.targetP95 === undefined ||
        (result.p95 !== null && result.p95 < endpoint.targetP95);
      const targetPass = under(cachedTwenty) && under(written);
      if (!overheadPass || !targetPass) failures.push(label);
      const bad = loads.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
      const p = (result: LoadResult, withP99 = false) =>
        `${fmt(result.p50)} / ${fmt(result.p95)}${
          withP99 ? ` / ${fmt(result.p99)}` : ''
        }`;
      rows.push([
        label,
        `${fmt(sqlMs)} (${statements})`,
        p(cachedOne),
        p(cachedTwenty, true),
        `${(cachedTwenty.requests / durationSeconds).toFixed(0)}`,
        `${p(written, true)} (${writes} writes)`,
        p(uncachedOne),
        p(uncachedTwenty, true),
        `${(uncachedTwenty.requests / durationSeconds).toFixed(0)}`,
        endpoint.targetP95 === undefined
          ? '—'
          : `< ${endpoint.targetP95} ${verdict(
              under(cachedTwenty),
            )} / ${verdict(under(written))}`,
        `≤ ${fmt(allowed)} ${verdict(overheadPass)}`,
        bad ? `${bad}` : '',
      ]);
      slowStatements.push(
        `${label}: ${fmt(slowest.ms)} ms  ${slowest.sql
          .replace(/\s+/g, ' ')
          .slice(0, 300)}`,
      );
      console.log(`${label}: measured`);
    }
  } finally {
    // startAegisPortal keeps its backend to itself: the process exit at
    // the end stops it and its database connections.
    loadProcess.disconnect();
  }

  printTable(
    [
      'endpoint (as)',
      'SQL ms (stmts)',
      'cached @1 p50/p95',
      'cached @20 p50/p95/p99',
      'req/s',
      'with writes @20 p50/p95/p99',
      'uncached @1 p50/p95',
      'uncached @20 p50/p95/p99',
      'req/s',
      'p95 @20 target (cached / writes)',
      'uncached p50 @1 vs SQL',
      'errors',
    ],
    rows,
  );
  console.log(
    `\nSQL: the endpoint's statements timed from knex's query and query-response events, summed per request, median of ${sqlRuns} sequential requests.`,
  );
  console.log(
    `Latency in ms over ${durationSeconds} s per run, 2xx answers only. cached: unchanged data, answers from the read cache; with writes: a draft test changes through the API every ${WRITE_INTERVAL_MS} ms during the run; uncached: every request sends Cache-Control: no-cache. The overhead target is max(${OVERHEAD_RATIO}x SQL, SQL + ${OVERHEAD_MS} ms) for the uncached p50 at 1 client.`,
  );
  if (writer.failures) {
    console.log(`The writer's changes failed ${writer.failures} times.`);
  }
  console.log(
    `Machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(
      1,
    )} before and ${os.loadavg()[0].toFixed(1)} after the run.`,
  );
  console.log('\nSlowest statement of each endpoint:');
  for (const line of slowStatements) console.log(`  ${line}`);
  console.log(
    failures.length ? `\nFAIL: ${failures.join(', ')}` : '\nAll targets met.',
  );
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(row => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log(`\n${line(header)}`);
  console.log(widths.map(width => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

if (process.argv[2] === 'load') {
  serveLoads();
} else {
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
