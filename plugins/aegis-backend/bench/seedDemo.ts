/* eslint-disable no-console */
// Fills a database with demo data through the code the API runs. Run with
// `yarn seed:demo` from the repository root:
//
//   yarn seed:demo [--techniques-from <bundle>] [--tests 10000]
//     [--database sqlite:<file>|postgres:<connection string>]
//     [--seed 1] [--reset] [--evidence-dir <dir>] [--concurrency 6]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { FIXTURE_BUNDLE } from '../src/attack/config';
import { AttackDomain } from '../src/attack/stix/model';
import { DEMO_TABLES, seedDemo } from '../src/demo/seedDemo';
import {
  consoleLogger,
  DEFAULT_DATABASE,
  openDemoDatabase,
  readOptions,
} from './demoDatabase';

const KNOWN = [
  'techniques-from',
  'tests',
  'database',
  'seed',
  'reset',
  'evidence-dir',
  'concurrency',
];

function positiveInteger(
  options: Map<string, string>,
  name: string,
  fallback: number,
) {
  const value = Number(options.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive integer`);
  }
  return value;
}

/** The domain of a bundle, from MITRE's file names. */
function domainOf(path: string): AttackDomain {
  const name = basename(path);
  if (name.startsWith('mobile-attack')) return 'mobile-attack';
  if (name.startsWith('ics-attack')) return 'ics-attack';
  return 'enterprise-attack';
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const unknown = [...options.keys()].filter(name => !KNOWN.includes(name));
  if (unknown.length) {
    throw new Error(
      `Unknown option --${unknown[0]}; known: --${KNOWN.join(', --')}`,
    );
  }
  const bundlePath = resolve(options.get('techniques-from') ?? FIXTURE_BUNDLE);
  const tests = positiveInteger(options, 'tests', 10_000);
  const seed = positiveInteger(options, 'seed', 1);
  const evidenceDirectory = resolve(
    options.get('evidence-dir') ??
      mkdtempSync(join(tmpdir(), 'aegis-demo-evidence-')),
  );
  const database = await openDemoDatabase(
    options.get('database') ?? DEFAULT_DATABASE,
    { reset: options.has('reset'), create: true },
  );
  const concurrency =
    database.kind === 'sqlite' ? 1 : positiveInteger(options, 'concurrency', 6);

  console.log(`Database: ${database.label}`);
  console.log(`Bundle:   ${bundlePath} (${domainOf(bundlePath)})`);
  console.log(`Evidence: ${evidenceDirectory}`);
  console.log(`Tests:    ${tests}, seed ${seed}, ${concurrency} at a time`);

  const start = performance.now();
  let lastPrint = start;
  try {
    const summary = await seedDemo({
      knex: database.knex,
      bundlePath,
      domain: domainOf(bundlePath),
      tests,
      seed,
      evidenceDirectory,
      concurrency,
      logger: consoleLogger('warn'),
      onProgress: done => {
        const now = performance.now();
        if (now - lastPrint < 5000 && done !== tests) return;
        lastPrint = now;
        const seconds = (now - start) / 1000;
        console.log(
          `  ${done}/${tests} tests, ${seconds.toFixed(0)} s, ${(
            done / seconds
          ).toFixed(0)} tests/s`,
        );
      },
    });

    // Every test went through its whole workflow, so the tables hold many
    // dead row versions. A portal's database is vacuumed and analysed as it
    // goes (autovacuum); a server that runs without it would leave the
    // benchmark scanning them and planning without statistics.
    console.log('Vacuuming and analysing the tables');
    if (database.kind === 'pg') {
      await database.knex.raw('VACUUM (ANALYZE)');
    } else {
      await database.knex.raw('VACUUM');
      await database.knex.raw('ANALYZE');
    }

    console.log(
      `\nATT&CK sync: release ${summary.release ?? 'unknown'}, ${
        summary.techniques
      } active techniques, ${(summary.syncMs / 1000).toFixed(1)} s`,
    );
    console.log('Tests by final state:');
    for (const [state, count] of Object.entries(summary.byState)) {
      console.log(`  ${state.padEnd(16)}${String(count).padStart(8)}`);
    }
    console.log(
      `  with remediation${String(summary.withRemediation).padStart(8)}`,
    );
    console.log('Rows per table:');
    for (const table of DEMO_TABLES) {
      console.log(
        `  ${table.padEnd(26)}${String(summary.rows[table]).padStart(9)}`,
      );
    }
    console.log(
      `Elapsed: ${((performance.now() - start) / 1000).toFixed(
        1,
      )} s (stories ${(summary.storiesMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `\nServe the evidence with aegis.evidence.local.directory: ${evidenceDirectory}`,
    );
  } finally {
    await database.knex.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
