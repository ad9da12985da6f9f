import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations } from '../database/migrations';
import { AttackSync } from './AttackSync';
import { FIXTURE_BUNDLE } from './config';
import { scheduledSync } from './createAttackCapability';
import { DatabaseAttackStore } from './DatabaseAttackStore';
import { FileBundleSource } from './sources/FileBundleSource';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the scheduled ATT&CK sync on %p',
  databaseId => {
    async function setUp(minIntervalMs: number) {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      const attackStore = new DatabaseAttackStore(knex);
      const logger = mockServices.logger.mock();
      const attackSync = new AttackSync({
        store: attackStore,
        sources: [
          new FileBundleSource(
            { 'enterprise-attack': FIXTURE_BUNDLE },
            10 * 1024 * 1024,
          ),
        ],
        domains: ['enterprise-attack'],
        logger,
      });
      const run = scheduledSync({
        attackStore,
        attackSync,
        logger,
        minIntervalMs,
      });
      const runs = async () =>
        (await attackStore.listRuns({ limit: 10, offset: 0 })).items;
      return { knex, run, runs, logger };
    }

    it('ignores a run started again within the minimum interval, and says so', async () => {
      const { run, runs, logger } = await setUp(60 * 60 * 1000);

      await run();
      await run();

      expect((await runs()).map(r => r.outcome)).toEqual(['succeeded']);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('within the minimum interval of 60 minutes'),
      );
    });

    it('runs again once the interval allows it', async () => {
      const { run, runs } = await setUp(0);

      await run();
      await run();

      expect(await runs()).toHaveLength(2);
    });

    it('records a cancelled run as failed, with no data changed', async () => {
      const { knex, run, runs } = await setUp(0);
      const controller = new AbortController();
      controller.abort();

      await run(controller.signal);

      expect(await runs()).toEqual([
        expect.objectContaining({
          outcome: 'failed',
          error: 'Cancelled through the scheduler; no data changed',
        }),
      ]);
      expect(await knex('aegis_attack_techniques')).toEqual([]);
    });
  },
);
