/* eslint-disable no-console */
// The database of the demo seeder and the API benchmark, from a
// `--database` argument: `sqlite:<file>` or `postgres:<connection string>`,
// by default the PostgreSQL database `aegis_demo` on 127.0.0.1:5432.
import { LoggerService } from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import { existsSync, rmSync } from 'node:fs';

export const DEFAULT_DATABASE =
  'postgres:postgresql://postgres@127.0.0.1:5432/aegis_demo';

export type DemoDatabase = { kind: 'sqlite' | 'pg'; knex: Knex; label: string };

/** Reads `--name value` options; flags without a value answer 'true'. */
export function readOptions(argv: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new Error(`Unexpected argument ${arg}`);
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    if (inline !== undefined) {
      options.set(name, inline);
    } else if (argv[i + 1] && !argv[i + 1].startsWith('--')) {
      options.set(name, argv[++i]);
    } else {
      options.set(name, 'true');
    }
  }
  return options;
}

/**
 * Connects to the database a spec names, creating a PostgreSQL database
 * that does not exist yet; with `reset`, drops it (or the SQLite file) first.
 */
export async function openDemoDatabase(
  spec: string,
  options: { reset?: boolean; create?: boolean },
): Promise<DemoDatabase> {
  if (spec.startsWith('sqlite:')) {
    const filename = spec.slice('sqlite:'.length);
    if (options.reset && existsSync(filename)) rmSync(filename);
    if (!options.create && !existsSync(filename)) {
      throw new Error(`No SQLite database ${filename}; run yarn seed:demo`);
    }
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      // A write-ahead log: one file sync per checkpoint, not per transaction.
      pool: {
        afterCreate: (
          connection: { pragma(sql: string): unknown },
          done: () => void,
        ) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          done();
        },
      },
    });
    return { kind: 'sqlite', knex, label: `SQLite ${filename}` };
  }
  if (!spec.startsWith('postgres:')) {
    throw new Error(
      `--database must be sqlite:<file> or postgres:<connection string>, not ${spec}`,
    );
  }

  const url = new URL(spec.slice('postgres:'.length));
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) {
    throw new Error(`--database must name a database, not '${name}'`);
  }
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = knexFactory({ client: 'pg', connection: server.toString() });
  try {
    if (options.reset) {
      await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    const exists = await admin('pg_database').where({ datname: name }).first();
    if (!exists) {
      if (!options.create) {
        throw new Error(`No PostgreSQL database ${name}; run yarn seed:demo`);
      }
      await admin.raw(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.destroy();
  }
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: {
      min: 0,
      max: 10,
      // Demo data is worth no disk flush per commit; a crash loses only the
      // last moments of seeding and never corrupts the database.
      afterCreate: options.create
        ? (
            connection: { query(sql: string, done: (e?: Error) => void): void },
            done: (error?: Error) => void,
          ) => connection.query('SET synchronous_commit = off', done)
        : undefined,
    },
  });
  url.password = '';
  return { kind: 'pg', knex, label: `PostgreSQL ${url.toString()}` };
}

/** Log lines of the code under test, printed as they come. */
export function consoleLogger(
  minimum: 'info' | 'warn' = 'info',
): LoggerService {
  const print =
    (level: string, write: (line: string) => void) =>
    (message: string, meta?: unknown) => {
      let details = '';
      if (meta instanceof Error) details = ` ${meta.message}`;
      else if (meta) details = ` ${JSON.stringify(meta)}`;
      write(`  [${level}] ${message}${details}`);
    };
  const logger: LoggerService = {
    error: print('error', console.error),
    warn: print('warn', console.warn),
    info: minimum === 'info' ? print('info', console.log) : () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}
