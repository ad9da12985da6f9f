import { TEST_STATES } from '@aegis-security/plugin-aegis-common';
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { FIXTURE_BUNDLE } from '../attack/config';
import { TestRepository } from '../tests/TestRepository';
import { seedDemo } from './seedDemo';
import { HISTORY_MS } from './testStory';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const TESTS = 60;

describe.each(databases.eachSupportedId())('seedDemo on %p', id => {
  async function seed(knex: Knex, seedValue = 7) {
    return seedDemo({
      knex,
      bundlePath: FIXTURE_BUNDLE,
      domain: 'enterprise-attack',
      tests: TESTS,
      seed: seedValue,
      evidenceDirectory: mkdtempSync(join(tmpdir(), 'aegis-demo-test-')),
      concurrency: 4,
      logger: mockServices.logger.mock(),
    });
  }

  it('tells every test story through the workflow, with evidence and audit rows', async () => {
    const knex = await databases.init(id);
    const summary = await seed(knex);

    expect(summary.rows.aegis_tests).toBe(TESTS);
    expect(Object.values(summary.byState).reduce((sum, n) => sum + n, 0)).toBe(
      TESTS,
    );
    const states: Array<{ state: string; count: string | number }> = await knex(
      'aegis_tests',
    )
      .groupBy('state')
      .select('state')
      .count({ count: '*' });
    expect(
      Object.fromEntries(states.map(row => [row.state, Number(row.count)])),
    ).toEqual(
      Object.fromEntries(
        TEST_STATES.filter(state => summary.byState[state]).map(state => [
          state,
          summary.byState[state],
        ]),
      ),
    );
    expect(TEST_STATES.filter(state => !summary.byState[state])).toEqual([]);

    // Every evidence upload and workflow step wrote its audit row.
    const uploads = await knex('aegis_audit_log')
      .where({ action: 'evidence.upload' })
      .count({ count: '*' });
    expect(Number(uploads[0].count)).toBe(summary.rows.aegis_evidence);
    const creates = await knex('aegis_audit_log')
      .where({ action: 'test.create' })
      .count({ count: '*' });
    expect(Number(creates[0].count)).toBe(TESTS);
    expect(summary.rows.aegis_audit_log).toBeGreaterThan(TESTS * 5);
  });

  it('keeps separation of duties: two different leads, neither the creator', async () => {
    const knex = await databases.init(id);
    await seed(knex);
    const repository = new TestRepository(knex);
    const validated: string[] = await knex('aegis_tests')
      .where({ state: 'validated' })
      .pluck('id');
    expect(validated.length).toBeGreaterThan(0);

    for (const testId of validated) {
      const test = (await repository.get(testId))!;
      const { red, blue } = test.current.votes;
      expect([red?.decision, blue?.decision]).toEqual(['approve', 'approve']);
      expect(red!.voter).not.toBe(blue!.voter);
      expect([red!.voter, blue!.voter]).not.toContain(test.createdBy);
      expect(red!.override).toBe(false);
      expect(blue!.override).toBe(false);
    }
  });

  it('dates the history over the last 18 months, in order within each test', async () => {
    const knex = await databases.init(id);
    const before = Date.now();
    await seed(knex);

    const tests: Array<{ id: string; created_at: string }> = await knex(
      'aegis_tests',
    ).select('id', 'created_at');
    const created = tests.map(test => Date.parse(test.created_at));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(before - HISTORY_MS);
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(
      HISTORY_MS / 4,
    );

    const audit: Array<{ entity_id: string; occurred_at: string | Date }> =
      await knex('aegis_audit_log')
        .where({ entity_type: 'test' })
        .orderBy('id')
        .select('entity_id', 'occurred_at');
    const last = new Map<string, number>();
    for (const row of audit) {
      const time = new Date(row.occurred_at).getTime();
      expect(time).toBeGreaterThanOrEqual(last.get(row.entity_id) ?? 0);
      expect(time).toBeLessThanOrEqual(Date.now());
      last.set(row.entity_id, time);
    }
    // The clock is back to the real one.
    expect(Math.abs(new Date().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('gives the same tests for the same seed', async () => {
    const describeTests = async (knex: Knex) =>
      (
        await knex('aegis_tests')
          .orderBy(['title', 'state', 'created_by', 'platform', 'blind'])
          .select('title', 'state', 'created_by', 'platform', 'blind')
      ).map(row => ({ ...row, blind: Boolean(row.blind) }));

    const first = await databases.init(id);
    await seed(first, 3);
    const second = await databases.init(id);
    await seed(second, 3);

    expect(await describeTests(second)).toEqual(await describeTests(first));
  });
});
