import { TEST_STATES, TestState } from '@aegis-security/plugin-aegis-common';
import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { AttackSync } from '../attack/AttackSync';
import { DatabaseAttackStore } from '../attack/DatabaseAttackStore';
import { FileBundleSource } from '../attack/sources/FileBundleSource';
import { AttackDomain } from '../attack/stix/model';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../attack/stix/readBundleFile';
import { DatabaseAuditStore } from '../audit/DatabaseAuditStore';
import { applyMigrations } from '../database/migrations';
import { EvidenceService } from '../evidence/EvidenceService';
import { LocalObjectStore } from '../evidence/LocalObjectStore';
import { TestWorkflow } from '../tests/TestWorkflow';
import { DemoClock, installDemoClock, withDemoClock } from './demoClock';
import { DEMO_PEOPLE, demoEntityRefs } from './demoOrganisation';
import { SeededRandom } from './random';
import {
  DemoTechnique,
  HISTORY_MS,
  LATEST_START_MS,
  StoryContext,
  TestStory,
} from './testStory';

/** The tables the summary counts, in the order it prints them. */
export const DEMO_TABLES = [
  'aegis_attack_techniques',
  'aegis_tests',
  'aegis_test_rounds',
  'aegis_test_techniques',
  'aegis_test_targets',
  'aegis_test_votes',
  'aegis_evidence',
  'aegis_audit_log',
] as const;

export interface SeedDemoOptions {
  knex: Knex;
  /** An ATT&CK STIX bundle, `.json` or `.json.gz`. */
  bundlePath: string;
  domain: AttackDomain;
  tests: number;
  seed: number;
  /** Where the evidence files go; the portal must use the same directory. */
  evidenceDirectory: string;
  /** Stories told at once; 1 for SQLite, which writes one at a time. */
  concurrency: number;
  logger: LoggerService;
  onProgress?: (done: number) => void;
}

export interface SeedDemoSummary {
  release?: string;
  techniques: number;
  byState: Record<TestState, number>;
  rows: Record<(typeof DEMO_TABLES)[number], number>;
  withRemediation: number;
  syncMs: number;
  storiesMs: number;
}

/**
 * Fills an Aegis database with realistic demo data through the code the API
 * runs: the migrations, an ATT&CK sync of a bundle file, and for each test a
 * story of workflow steps and evidence uploads spread over 18 months, which
 * also writes the audit log.
 */
export async function seedDemo(
  options: SeedDemoOptions,
): Promise<SeedDemoSummary> {
  const { knex, logger } = options;
  const database: DatabaseService = { getClient: async () => knex };
  await applyMigrations(database, knex);

  const syncStart = performance.now();
  const release = await syncBundle(options);
  const syncMs = performance.now() - syncStart;

  const context = await storyContext(options);
  logger.info(
    `Telling ${options.tests} test stories over ${context.techniques.length} techniques`,
  );
  const storiesStart = performance.now();
  const byState = await tellStories(options, context);
  const storiesMs = performance.now() - storiesStart;

  return {
    release,
    techniques: context.techniques.length,
    byState,
    rows: await countRows(knex),
    withRemediation: Number(
      (
        await knex('aegis_tests')
          .whereNotNull('remediation')
          .count({ count: '*' })
      )[0].count,
    ),
    syncMs,
    storiesMs,
  };
}

async function syncBundle(options: SeedDemoOptions) {
  const sync = new AttackSync({
    store: new DatabaseAttackStore(options.knex),
    sources: [
      new FileBundleSource(
        { [options.domain]: options.bundlePath },
        DEFAULT_MAX_BUNDLE_BYTES,
      ),
    ],
    domains: [options.domain],
    logger: options.logger,
  });
  const [run] = await sync.syncAll({
    trigger: 'manual',
    triggeredBy: DEMO_PEOPLE.admins[0].ref,
  });
  if (run.outcome !== 'succeeded') {
    throw new Error(
      `The ATT&CK sync of ${options.bundlePath} failed: ${run.error}`,
    );
  }
  return run.release;
}

async function storyContext(options: SeedDemoOptions): Promise<StoryContext> {
  const { knex } = options;
  const rows: Array<{
    mitre_id: string;
    name: string;
    platforms: string;
    is_subtechnique: boolean | number;
  }> = await knex('aegis_attack_techniques')
    .where({ domain: options.domain, revoked: false, deprecated: false })
    .orderBy('mitre_id')
    .select('mitre_id', 'name', 'platforms', 'is_subtechnique');
  const techniques: DemoTechnique[] = rows.map(row => ({
    mitreId: row.mitre_id,
    name: row.name,
    platforms: JSON.parse(row.platforms),
    subtechnique: Boolean(row.is_subtechnique),
  }));
  if (!techniques.length) {
    throw new Error(
      `The bundle ${options.bundlePath} holds no active technique of ${options.domain}`,
    );
  }

  const auditStore = new DatabaseAuditStore(knex);
  const evidence = new EvidenceService({
    db: knex,
    store: new LocalObjectStore(options.evidenceDirectory),
    maxBytes: 1024 * 1024,
    auditStore,
    logger: options.logger,
    onIntegrityFailure: async () => {},
  });
  const known = demoEntityRefs();
  const workflow = new TestWorkflow({
    db: knex,
    auditStore,
    entitiesMissing: async refs => refs.filter(ref => !known.has(ref)),
    requiredRedEvidence: (testId, round, trx) =>
      evidence.count(testId, round, 'red', trx),
  });

  return {
    workflow,
    evidence,
    techniques: techniques.filter(technique => !technique.subtechnique),
    subtechniques: techniques.filter(technique => technique.subtechnique),
    now: Date.now(),
  };
}

/** Tells the stories with a small pool of workers; answers the final states. */
async function tellStories(options: SeedDemoOptions, context: StoryContext) {
  const byState = Object.fromEntries(
    TEST_STATES.map(state => [state, 0]),
  ) as Record<TestState, number>;
  const random = new SeededRandom(options.seed);
  let next = 0;
  let done = 0;
  const progress = { failed: false };

  async function tell(index: number) {
    const storyRandom = random.fork(index);
    // More recent tests than old ones, as a programme that grows.
    const clock = new DemoClock(
      context.now -
        LATEST_START_MS -
        (HISTORY_MS - LATEST_START_MS) * storyRandom.next() ** 1.5,
    );
    const story = new TestStory(context, storyRandom, clock);
    try {
      return await withDemoClock(clock, () => story.tell());
    } catch (error) {
      progress.failed = true;
      throw error;
    }
  }

  async function worker() {
    while (next < options.tests && !progress.failed) {
      const state = await tell(next++);
      byState[state] += 1;
      done += 1;
      options.onProgress?.(done);
    }
  }

  const restoreDate = installDemoClock();
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, options.concurrency) }, worker),
    );
  } finally {
    restoreDate();
  }
  return byState;
}

async function countRows(knex: Knex) {
  const rows = {} as SeedDemoSummary['rows'];
  for (const table of DEMO_TABLES) {
    const [{ count }] = await knex(table).count({ count: '*' });
    rows[table] = Number(count);
  }
  return rows;
}
