import {
  ControlResult,
  CoverageStatus,
  TechniqueCoverage,
  TestState,
} from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations } from '../database/migrations';
import { CoverageStore } from './CoverageStore';
import { CoverageScope, PUBLIC_SCOPE } from './scope';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const MAX_AGE_DAYS = 365;

/** An ISO timestamp `days` days ago. */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY_MS).toISOString();

/**
 * The knowledge base of these tests: T1000 has two active sub-techniques and
 * a deprecated one; T2000 and T3000 stand alone.
 */
const TECHNIQUES = [
  { id: 'T1000', tactics: ['execution'], platforms: ['Windows', 'Linux'] },
  { id: 'T1000.001', parent: 'T1000', tactics: ['execution'] },
  { id: 'T1000.002', parent: 'T1000', tactics: ['execution'] },
  { id: 'T1000.003', parent: 'T1000', tactics: ['execution'], retired: true },
  { id: 'T2000', tactics: ['execution', 'persistence'] },
  { id: 'T3000', tactics: ['persistence'], platforms: ['Linux'] },
  { id: 'T9000', tactics: ['persistence'], retired: true },
];

/** One security test as these cases need it. */
interface TestSpec {
  techniques: string[];
  state: TestState;
  outcome?: ControlResult;
  platform?: string;
  /** When it was validated, for validated tests; now by default. */
  validatedAt?: string;
  blind?: boolean;
  revealed?: boolean;
  targets?: string[];
}

/** Every test counts: an admin's scope. */
const EVERY_TEST: CoverageScope = { key: 'every test' };

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('coverage rules on %p', id => {
  let knex: Knex;
  let store: CoverageStore;

  beforeAll(async () => {
    knex = await databases.init(id);
    await applyMigrations({ getClient: async () => knex }, knex);
    await knex('aegis_attack_tactics').insert(
      ['execution', 'persistence'].map((shortname, order) => ({
        domain: 'enterprise-attack',
        attack_id: `TA000${order + 2}`,
        stix_id: `x-mitre-tactic--${shortname}`,
        name: shortname === 'execution' ? 'Execution' : 'Persistence',
        shortname,
        matrix_order: order,
        content_hash: shortname,
      })),
    );
    await knex('aegis_attack_techniques').insert(
      TECHNIQUES.map(technique => ({
        mitre_id: technique.id,
        domain: 'enterprise-attack',
        name: `Technique ${technique.id}`,
        is_subtechnique: Boolean(technique.parent),
        parent_mitre_id: technique.parent ?? null,
        tactics: JSON.stringify(technique.tactics),
        platforms: JSON.stringify(technique.platforms ?? ['Windows']),
        deprecated: Boolean(technique.retired),
      })),
    );
    store = new CoverageStore(knex, {
      domains: ['enterprise-attack'],
      maxAgeDays: MAX_AGE_DAYS,
    });
  });

  afterEach(async () => {
    for (const table of [
      'aegis_test_targets',
      'aegis_test_techniques',
      'aegis_test_rounds',
      'aegis_tests',
    ]) {
      await knex(table).delete();
    }
  });

  /** Stores tests in the order given, each one second after the last. */
  async function given(...tests: TestSpec[]) {
    const ids: string[] = [];
    for (const [index, test] of tests.entries()) {
      const testId = randomUUID();
      ids.push(testId);
      const at = new Date(Date.now() - (tests.length - index) * 1000);
      await knex('aegis_tests').insert({
        id: testId,
        title: `Test ${index}`,
        platform: test.platform ?? 'Windows',
        severity: 'high',
        state: test.state,
        round: 1,
        blind: test.blind ?? false,
        revealed_at: test.blind && !test.revealed ? null : at.toISOString(),
        created_by: 'user:default/rex.redtech',
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        validated_at:
          test.state === 'validated'
            ? test.validatedAt ?? at.toISOString()
            : null,
      });
      await knex('aegis_test_rounds').insert({
        test_id: testId,
        round: 1,
        blue_outcome: test.outcome ?? null,
      });
      await knex('aegis_test_techniques').insert(
        test.techniques.map(mitreId => ({ test_id: testId, mitre_id: mitreId })),
      );
      if (test.targets?.length) {
        await knex('aegis_test_targets').insert(
          test.targets.map(ref => ({ test_id: testId, entity_ref: ref })),
        );
      }
    }
    return ids;
  }

  async function coverageOf(
    mitreId: string,
    options: { scope?: CoverageScope; platform?: string } = {},
  ): Promise<TechniqueCoverage> {
    const [found] = await store.techniques(
      { platform: options.platform },
      options.scope ?? EVERY_TEST,
      { mitreIds: [mitreId] },
    );
    return found;
  }

  describe('one test decides by its state and its best control result', () => {
    it.each<
      [TestState, ControlResult | undefined, CoverageStatus, boolean]
    >([
      ['draft', undefined, 'not_covered', false],
      ['red_executing', undefined, 'in_progress', false],
      ['blue_evaluating', undefined, 'in_progress', false],
      ['in_review', 'alerted', 'in_progress', false],
      ['rejected', 'blocked', 'not_covered', false],
      ['validated', 'blocked', 'validated', false],
      ['validated', 'alerted', 'validated', false],
      ['validated', 'logged', 'partial', false],
      ['validated', 'not_detected', 'not_covered', true],
      ['validated', undefined, 'not_covered', false],
    ])(
      'a %s test with outcome %p: %s, confirmed gap %p',
      async (state, outcome, status, confirmedGap) => {
        await given({ techniques: ['T2000'], state, outcome });

        const coverage = await coverageOf('T2000');

        expect(coverage).toMatchObject({
          status,
          confirmedGap,
          stale: false,
          via: 'tests',
          tests: {
            total: 1,
            validated: state === 'validated' ? 1 : 0,
            inProgress: [
              'red_executing',
              'blue_evaluating',
              'in_review',
            ].includes(state)
              ? 1
              : 0,
          },
        });
        expect(coverage.tests.outcomes).toEqual(
          state === 'validated' && outcome ? { [outcome]: 1 } : {},
        );
        expect(Boolean(coverage.lastValidatedAt)).toBe(state === 'validated');
      },
    );

    it('leaves a technique without tests not covered, via nothing', async () => {
      await expect(coverageOf('T2000')).resolves.toMatchObject({
        status: 'not_covered',
        confirmedGap: false,
        via: 'none',
        tests: { total: 0, validated: 0, inProgress: 0, outcomes: {} },
        platforms: [],
      });
    });
  });

  describe('the most recent validated test decides', () => {
    it.each<[ControlResult, ControlResult, CoverageStatus, boolean]>([
      ['blocked', 'not_detected', 'not_covered', true],
      ['not_detected', 'alerted', 'validated', false],
      ['alerted', 'logged', 'partial', false],
      ['logged', 'blocked', 'validated', false],
    ])(
      'validated %s, then validated %s: %s',
      async (older, newer, status, confirmedGap) => {
        await given(
          { techniques: ['T2000'], state: 'validated', outcome: older },
          { techniques: ['T2000'], state: 'validated', outcome: newer },
        );

        const coverage = await coverageOf('T2000');

        expect(coverage).toMatchObject({ status, confirmedGap });
        expect(coverage.tests).toMatchObject({
          total: 2,
          validated: 2,
          outcomes: older === newer ? { [older]: 2 } : { [older]: 1, [newer]: 1 },
        });
      },
    );

    it('keeps a confirmed gap while a retest runs', async () => {
      const [gap] = await given(
        { techniques: ['T2000'], state: 'validated', outcome: 'not_detected' },
        { techniques: ['T2000'], state: 'red_executing' },
      );

      const coverage = await coverageOf('T2000');

      expect(coverage).toMatchObject({
        status: 'not_covered',
        confirmedGap: true,
        tests: { total: 2, validated: 1, inProgress: 1 },
      });
      expect(coverage.platforms).toEqual([
        expect.objectContaining({
          platform: 'Windows',
          decidingTestId: gap,
          outcome: 'not_detected',
        }),
      ]);
    });

    it('lets a validated test outrank a newer rejected one', async () => {
      await given(
        { techniques: ['T2000'], state: 'validated', outcome: 'alerted' },
        { techniques: ['T2000'], state: 'rejected', outcome: 'not_detected' },
      );

      await expect(coverageOf('T2000')).resolves.toMatchObject({
        status: 'validated',
        confirmedGap: false,
      });
    });
  });

  describe('platforms', () => {
    it('decides each platform apart and takes the best for the technique', async () => {
      const [windows, linux] = await given(
        {
          techniques: ['T1000'],
          state: 'validated',
          outcome: 'blocked',
          platform: 'Windows',
        },
        {
          techniques: ['T1000'],
          state: 'validated',
          outcome: 'not_detected',
          platform: 'Linux',
        },
      );

      const coverage = await coverageOf('T1000');

      expect(coverage).toMatchObject({ status: 'validated', confirmedGap: false });
      expect(coverage.platforms).toEqual([
        expect.objectContaining({
          platform: 'Linux',
          status: 'not_covered',
          confirmedGap: true,
          decidingTestId: linux,
        }),
        expect.objectContaining({
          platform: 'Windows',
          status: 'validated',
          decidingTestId: windows,
          outcome: 'blocked',
        }),
      ]);
    });

    it('counts only the tests of the platform asked for, in any case', async () => {
      await given(
        { techniques: ['T1000'], state: 'validated', outcome: 'blocked' },
        {
          techniques: ['T1000'],
          state: 'validated',
          outcome: 'not_detected',
          platform: 'Linux',
        },
      );

      await expect(
        coverageOf('T1000', { platform: 'linux' }),
      ).resolves.toMatchObject({
        status: 'not_covered',
        confirmedGap: true,
        tests: { total: 1 },
      });
      await expect(
        coverageOf('T1000', { platform: 'Windows' }),
      ).resolves.toMatchObject({ status: 'validated', tests: { total: 1 } });
    });

    it('leaves out techniques that do not name the platform', async () => {
      const linux = await store.techniques({ platform: 'Linux' }, EVERY_TEST);

      expect(linux.map(t => t.mitreId)).toEqual(['T1000', 'T3000']);
    });
  });

  describe('staleness', () => {
    it.each<[ControlResult, number, CoverageStatus, boolean]>([
      ['blocked', MAX_AGE_DAYS + 1, 'validated', true],
      ['blocked', MAX_AGE_DAYS - 1, 'validated', false],
      ['logged', MAX_AGE_DAYS + 30, 'partial', true],
      ['not_detected', MAX_AGE_DAYS + 30, 'not_covered', false],
    ])(
      'a %s validation %p days old: %s, stale %p',
      async (outcome, age, status, stale) => {
        await given({
          techniques: ['T2000'],
          state: 'validated',
          outcome,
          validatedAt: daysAgo(age),
        });

        await expect(coverageOf('T2000')).resolves.toMatchObject({
          status,
          stale,
        });
      },
    );

    it('follows aegis.coverage.maxAgeDays', async () => {
      await given({
        techniques: ['T2000'],
        state: 'validated',
        outcome: 'alerted',
        validatedAt: daysAgo(40),
      });
      const strict = new CoverageStore(knex, {
        domains: ['enterprise-attack'],
        maxAgeDays: 30,
      });

      const [coverage] = await strict.techniques({}, EVERY_TEST, { mitreIds: ['T2000'] });

      expect(coverage).toMatchObject({ status: 'validated', stale: true });
    });

    it('prefers a fresh platform to a stale one of the same status', async () => {
      await given(
        {
          techniques: ['T1000'],
          state: 'validated',
          outcome: 'blocked',
          validatedAt: daysAgo(MAX_AGE_DAYS + 10),
        },
        {
          techniques: ['T1000'],
          state: 'validated',
          outcome: 'alerted',
          platform: 'Linux',
          validatedAt: daysAgo(10),
        },
      );

      await expect(coverageOf('T1000')).resolves.toMatchObject({
        status: 'validated',
        stale: false,
      });
    });
  });

  describe('sub-techniques roll up into their parent', () => {
    it.each<[string, CoverageStatus, TechniqueCoverage['via'], TestSpec[]]>([
      [
        'both active sub-techniques validated',
        'validated',
        'subtechniques',
        [
          aTest('T1000.001', 'validated', 'blocked'),
          aTest('T1000.002', 'validated', 'alerted'),
        ],
      ],
      [
        'one of two validated',
        'partial',
        'subtechniques',
        [aTest('T1000.001', 'validated', 'blocked')],
      ],
      [
        'one partial',
        'partial',
        'subtechniques',
        [aTest('T1000.001', 'validated', 'logged')],
      ],
      [
        'one in progress',
        'in_progress',
        'subtechniques',
        [aTest('T1000.002', 'in_review')],
      ],
      [
        'both confirmed gaps',
        'not_covered',
        'none',
        [
          aTest('T1000.001', 'validated', 'not_detected'),
          aTest('T1000.002', 'validated', 'not_detected'),
        ],
      ],
      [
        'its own validated test and nothing below',
        'validated',
        'tests',
        [aTest('T1000', 'validated', 'alerted')],
      ],
      [
        'its own test in progress and both sub-techniques validated',
        'validated',
        'subtechniques',
        [
          aTest('T1000', 'red_executing'),
          aTest('T1000.001', 'validated', 'blocked'),
          aTest('T1000.002', 'validated', 'blocked'),
        ],
      ],
      [
        'its own partial test and one sub-technique validated',
        'partial',
        'tests',
        [
          aTest('T1000', 'validated', 'logged'),
          aTest('T1000.001', 'validated', 'blocked'),
        ],
      ],
      [
        'a retired sub-technique validated',
        'not_covered',
        'none',
        [aTest('T1000.003', 'validated', 'blocked')],
      ],
    ])('%s: %s via %s', async (_case, status, via, tests) => {
      await given(...tests);

      const parent = await coverageOf('T1000');

      expect(parent).toMatchObject({ status, via });
    });

    it('counts only the parent’s own tests, and takes the sub-techniques’ last validation', async () => {
      await given(
        aTest('T1000', 'draft'),
        aTest('T1000.001', 'validated', 'blocked'),
        aTest('T1000.002', 'validated', 'blocked'),
      );

      const parent = await coverageOf('T1000');

      expect(parent.tests).toEqual({
        total: 1,
        validated: 0,
        inProgress: 0,
        outcomes: {},
      });
      expect(parent.lastValidatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(parent.confirmedGap).toBe(false);
    });

    it('marks the parent stale when a sub-technique it rolls up is', async () => {
      await given(
        {
          ...aTest('T1000.001', 'validated', 'blocked'),
          validatedAt: daysAgo(MAX_AGE_DAYS + 5),
        },
        aTest('T1000.002', 'validated', 'blocked'),
      );

      await expect(coverageOf('T1000')).resolves.toMatchObject({
        status: 'validated',
        via: 'subtechniques',
        stale: true,
      });
    });
  });

  describe('counts', () => {
    it('count the active techniques, sub-techniques through their parent', async () => {
      await given(
        aTest('T1000.001', 'validated', 'blocked'),
        aTest('T1000.002', 'validated', 'blocked'),
        aTest('T2000', 'validated', 'not_detected'),
      );

      const view = await store.evaluate({}, EVERY_TEST);

      expect(view.techniques().map(t => t.mitreId)).toEqual([
        'T1000',
        'T1000.001',
        'T1000.002',
        'T2000',
        'T3000',
      ]);
      expect(view.counts()).toEqual({
        total: 3,
        validated: 1,
        partial: 0,
        in_progress: 0,
        not_covered: 2,
        confirmedGaps: 1,
        stale: 0,
        percent: {
          validated: 33.3,
          partial: 0,
          in_progress: 0,
          not_covered: 66.7,
        },
      });
    });

    it('count per tactic in matrix order and per platform', async () => {
      await given(
        aTest('T2000', 'validated', 'alerted'),
        { techniques: ['T3000'], state: 'in_review', platform: 'Linux' },
      );

      const view = await store.evaluate({}, EVERY_TEST);

      expect(
        view.byTactic().map(t => [t.shortname, t.counts.total, t.counts.validated]),
      ).toEqual([
        ['execution', 2, 1],
        ['persistence', 2, 1],
      ]);
      expect(
        view
          .byPlatform()
          .map(p => [p.platform, p.counts.total, p.counts.in_progress]),
      ).toEqual([
        ['Linux', 2, 1],
        ['Windows', 2, 0],
      ]);
    });

    it('filter by tactic', async () => {
      const view = await store.evaluate({ tactic: 'persistence' }, EVERY_TEST);

      expect(view.techniques().map(t => t.mitreId)).toEqual(['T2000', 'T3000']);
      expect(view.byTactic().map(t => t.shortname)).toEqual(['persistence']);
      expect(view.counts().total).toBe(2);
    });
  });

  describe('scope', () => {
    it('leaves unrevealed blind tests out of the public scope', async () => {
      await given(
        { ...aTest('T2000', 'red_executing'), blind: true },
        { ...aTest('T3000', 'validated', 'blocked'), blind: true, revealed: true },
      );

      await expect(coverageOf('T2000')).resolves.toMatchObject({
        status: 'in_progress',
      });
      await expect(
        coverageOf('T2000', { scope: PUBLIC_SCOPE }),
      ).resolves.toMatchObject({ status: 'not_covered', tests: { total: 0 } });
      await expect(
        coverageOf('T3000', { scope: PUBLIC_SCOPE }),
      ).resolves.toMatchObject({ status: 'validated' });
    });

    it('counts only the tests run against the entities of the scope', async () => {
      await given(
        {
          ...aTest('T2000', 'validated', 'blocked'),
          targets: ['component:default/payments-api'],
        },
        {
          ...aTest('T2000', 'validated', 'not_detected'),
          targets: ['component:default/sso-gateway'],
        },
      );

      await expect(
        coverageOf('T2000', {
          scope: { key: 'payments-api', entityRefs: ['component:default/payments-api'] },
        }),
      ).resolves.toMatchObject({ status: 'validated', tests: { total: 1 } });
      await expect(
        coverageOf('T2000', {
          scope: { key: 'sso-gateway', entityRefs: ['component:default/sso-gateway'] },
        }),
      ).resolves.toMatchObject({ status: 'not_covered', confirmedGap: true });
      await expect(coverageOf('T2000')).resolves.toMatchObject({
        status: 'not_covered',
        confirmedGap: true,
        tests: { total: 2 },
      });
    });
  });
});

/** A test of one technique on Windows. */
function aTest(
  mitreId: string,
  state: TestState,
  outcome?: ControlResult,
): TestSpec {
  return { techniques: [mitreId], state, outcome };
}
