import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { AttackSync } from './AttackSync';
import { readAttackConfig } from './config';
import { DatabaseAttackStore } from './DatabaseAttackStore';
import { DatabaseTechniqueStore } from './DatabaseTechniqueStore';
import { FileBundleSource } from './sources/FileBundleSource';

/** The ATT&CK task's id in the scheduler. */
export const ATTACK_SYNC_TASK_ID = 'aegis-attack-sync';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 24 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

/**
 * Builds the ATT&CK knowledge base and schedules its sync (every 24 hours
 * unless `aegis.attack.schedule` says otherwise), one run at a time across
 * all backend instances.
 */
export async function createAttackCapability(options: {
  config: Config;
  db: Knex;
  logger: LoggerService;
  scheduler: SchedulerService;
  /** Told of the tests a sync flagged for re-mapping. */
  onTestsFlagged?: (domain: string, testIds: string[]) => Promise<void>;
}) {
  const { config, db, logger, scheduler } = options;
  const attackConfig = readAttackConfig(config);

  const attackStore = new DatabaseAttackStore(db);
  const attackSync = new AttackSync({
    store: attackStore,
    sources: [
      new FileBundleSource(attackConfig.files, attackConfig.maxBundleBytes),
    ],
    domains: attackConfig.domains,
    logger,
    onTestsFlagged: options.onTestsFlagged,
  });

  const scheduleConfig = config.getOptionalConfig('aegis.attack.schedule');
  await scheduler.scheduleTask({
    id: ATTACK_SYNC_TASK_ID,
    scope: 'global',
    ...(scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE),
    fn: async () => {
      await attackSync.syncAll({ trigger: 'schedule' });
    },
  });

  return {
    attackStore,
    attackSync,
    techniqueStore: new DatabaseTechniqueStore(db),
  };
}
