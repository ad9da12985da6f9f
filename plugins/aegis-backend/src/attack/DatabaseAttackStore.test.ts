import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFile } from 'fs/promises';
import { Knex } from 'knex';
import { syncDataset } from '../__testUtils__/syncDataset';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations } from '../database/migrations';
import { DatabaseAttackStore } from './DatabaseAttackStore';
import { AttackDataset } from './stix/model';
import { parseAttackBundle } from './stix/parseAttackBundle';

jest.setTimeout(120_000);

const databases = createTestDatabases();

async function fixtureDataset(): Promise<AttackDataset> {
  const path = resolvePackagePath(
    '@aegis-security/plugin-aegis-backend',
    'src/attack/__fixtures__/attack-19-mini.json',
  );
  return parseAttackBundle(
    JSON.parse(await readFile(path, 'utf8')),
    'enterprise-attack',
  );
}

/** A security test mapped to techniques, as the workflow stores one. */
async function insertTest(knex: Knex, id: string, techniques: string[]) {
  const now = new Date().toISOString();
  await knex('aegis_tests').insert({
    id,
    title: `Test ${id}`,
    platform: 'Windows',
    severity: 'low',
    state: 'validated',
    created_by: 'user:default/rex.redtech',
    created_at: now,
    updated_at: now,
  });
  await knex('aegis_test_techniques').insert(
    techniques.map(mitre_id => ({ test_id: id, mitre_id })),
  );
}

/** Counts the statements that write, while the work runs. */
async function writesDuring(knex: Knex, work: () => Promise<unknown>) {
  let writes = 0;
  const listener = (query: { sql: string }) => {
    if (/^\s*(insert|update|delete)/i.test(query.sql)) writes += 1;
  };
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.removeListener('query', listener);
  }
  return writes;
}

describe.each(databases.eachSupportedId())(
  'DatabaseAttackStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      const store = new DatabaseAttackStore(knex);
      const sync = (dataset: AttackDataset) => syncDataset(store, dataset);
      return { knex, store, sync };
    }

    it('adds every technique of a first sync, with tactics and platforms', async () => {
      const { knex, sync } = await createStore();

      const counts = await sync(await fixtureDataset());

      expect(counts).toEqual({
        added: 5,
        changed: 0,
        deprecated: 0,
        revoked: 0,
        unchanged: 0,
      });
      expect(
        await knex('aegis_attack_tactics')
          .orderBy('matrix_order')
          .pluck('attack_id'),
      ).toEqual(['TA0002', 'TA0005', 'TA0112']);
      expect(
        await knex('aegis_attack_technique_tactics')
          .where('tactic', 'execution')
          .orderBy('mitre_id')
          .pluck('mitre_id'),
      ).toEqual(['T1059', 'T1059.001']);
      expect(
        await knex('aegis_attack_techniques')
          .where('mitre_id', 'T1562')
          .first('revoked', 'revoked_by'),
      ).toMatchObject({ revoked_by: 'T1685' });
    });

    it('writes nothing when the release did not change', async () => {
      const { knex, store, sync } = await createStore();
      const dataset = await fixtureDataset();
      await sync(dataset);
      const run = await store.startRun({
        domain: dataset.domain,
        trigger: 'test',
      });

      let counts;
      const writes = await writesDuring(knex, async () => {
        counts = await store.applyDataset(dataset, run.id);
      });

      expect(writes).toBe(0);
      expect(counts).toEqual({
        added: 0,
        changed: 0,
        deprecated: 0,
        revoked: 0,
        unchanged: 5,
        flaggedTests: [],
      });
    });

    it('takes a tactic the matrix no longer lists out, and back when it returns', async () => {
      const { knex, sync } = await createStore();
      const dataset = await fixtureDataset();
      await sync(dataset);
      const deprecatedTactics = () =>
        knex('aegis_attack_tactics')
          .where({ domain: dataset.domain, deprecated: true })
          .orderBy('attack_id')
          .pluck('attack_id');

      await sync({
        ...dataset,
        tactics: dataset.tactics.filter(t => t.attackId !== 'TA0112'),
      });
      expect(await deprecatedTactics()).toEqual(['TA0112']);

      await sync(dataset);
      expect(await deprecatedTactics()).toEqual([]);
    });

    it('marks retired techniques, never deletes, and keeps what users wrote', async () => {
      const { knex, sync } = await createStore();
      const dataset = await fixtureDataset();
      await sync(dataset);
      await knex('aegis_attack_techniques')
        .where('mitre_id', 'T1059')
        .update({ review_required: true, notes: 'EDR rule 42 covers this' });

      const next: AttackDataset = {
        ...dataset,
        techniques: dataset.techniques
          .filter(t => t.mitreId !== 'T1059.001')
          .map(t =>
            t.mitreId === 'T1059'
              ? { ...t, deprecated: true, modified: '2026-10-01T00:00:00Z' }
              : t,
          ),
      };
      const counts = await sync(next);

      expect(counts).toMatchObject({ deprecated: 1, unchanged: 3 });
      expect(
        await knex('aegis_attack_techniques')
          .where('mitre_id', 'T1059')
          .first('deprecated', 'review_required', 'notes'),
      ).toMatchObject({ notes: 'EDR rule 42 covers this' });
      const t1059 = await knex('aegis_attack_techniques')
        .where('mitre_id', 'T1059')
        .first();
      expect(Boolean(t1059.deprecated)).toBe(true);
      expect(Boolean(t1059.review_required)).toBe(true);
      expect(
        await knex('aegis_attack_techniques').where('mitre_id', 'T1059.001'),
      ).toHaveLength(1);
    });

    it('flags the tests of techniques a release retires, with the replacement', async () => {
      const { knex, store, sync } = await createStore();
      const dataset = await fixtureDataset();
      await sync(dataset);
      const revokedTest = '00000000-0000-4000-8000-000000000001';
      const deprecatedTest = '00000000-0000-4000-8000-000000000002';
      const untouchedTest = '00000000-0000-4000-8000-000000000003';
      await insertTest(knex, revokedTest, ['T1036', 'T1059']);
      await insertTest(knex, deprecatedTest, ['T1059.001']);
      await insertTest(knex, untouchedTest, ['T1059']);

      const run = await store.startRun({
        domain: 'enterprise-attack',
        trigger: 'test',
      });
      const result = await store.applyDataset(
        {
          ...dataset,
          techniques: dataset.techniques.map(t => {
            if (t.mitreId === 'T1036') {
              return {
                ...t,
                revoked: true,
                revokedBy: 'T1059',
                modified: '2026-11-01T00:00:00Z',
              };
            }
            if (t.mitreId === 'T1059.001') {
              return {
                ...t,
                deprecated: true,
                modified: '2026-11-01T00:00:00Z',
              };
            }
            return t;
          }),
        },
        run.id,
      );

      expect(result).toMatchObject({ revoked: 1, deprecated: 1 });
      expect(result.flaggedTests.sort()).toEqual([revokedTest, deprecatedTest]);
      expect(
        await knex('aegis_test_techniques')
          .whereNotNull('remap_reason')
          .orderBy('test_id')
          .select('test_id', 'mitre_id', 'remap_reason', 'remap_to'),
      ).toEqual([
        {
          test_id: revokedTest,
          mitre_id: 'T1036',
          remap_reason: 'revoked',
          remap_to: 'T1059',
        },
        {
          test_id: deprecatedTest,
          mitre_id: 'T1059.001',
          remap_reason: 'deprecated',
          remap_to: null,
        },
      ]);
    });

    it('changes no data when a sync fails half-way', async () => {
      const { knex, sync } = await createStore();
      const dataset = await fixtureDataset();
      const broken: AttackDataset = {
        ...dataset,
        techniques: [
          ...dataset.techniques,
          { ...dataset.techniques[0], mitreId: 'T9999', name: null as any },
        ],
      };

      await expect(sync(broken)).rejects.toBeDefined();

      expect(await knex('aegis_attack_techniques')).toHaveLength(0);
      expect(await knex('aegis_attack_tactics')).toHaveLength(0);
    });

    it('records runs with their outcome and counts, newest first', async () => {
      const { store } = await createStore();
      const run = await store.startRun({
        domain: 'enterprise-attack',
        trigger: 'manual',
        triggeredBy: 'user:default/ada.admin',
      });

      await store.finishRun(run.id, {
        outcome: 'succeeded',
        source: 'file',
        skippedSources: [{ source: 'taxii', reason: 'not configured' }],
        release: '19.0',
        added: 5,
      });
      const { items, total } = await store.listRuns({ limit: 10, offset: 0 });

      expect(total).toBe(1);
      expect(items[0]).toMatchObject({
        outcome: 'succeeded',
        source: 'file',
        release: '19.0',
        added: 5,
        triggeredBy: 'user:default/ada.admin',
        skippedSources: [{ source: 'taxii', reason: 'not configured' }],
      });
      expect(items[0].durationMs).toBeGreaterThanOrEqual(0);
    });
  },
);
