import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { AttackStore } from './AttackStore';
import { Knex } from 'knex';
import { AttackSync } from './AttackSync';
import { readAttackConfig } from './config';
import { DatabaseAttackStore } from './DatabaseAttackStore';
import { DatabaseTechniqueStore } from './DatabaseTechniqueStore';
import { FileBundleSource } from './sources/FileBundleSource';
import { GitHubBundleSource } from './sources/GitHubBundleSource';
import { TaxiiBundleSource } from './sources/TaxiiBundleSource';

/** The shortest time between two scheduled runs, unless admins sync. */
const DEFAULT_MIN_INTERVAL_MS = 60 * 60 * 1000;

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
    // TAXII first, then GitHub, when configured, then the file: a portal
    // without network access still syncs.
    sources: [
      ...(attackConfig.taxii
        ? [new TaxiiBundleSource(attackConfig.taxii)]
        : []),
      ...(attackConfig.github
        ? [new GitHubBundleSource(attackConfig.github)]
        : []),
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
    fn: scheduledSync({
      attackStore,
      attackSync,
      logger,
      minIntervalMs: minIntervalOf(config),
    }),
  });

  return {
    attackStore,
    attackSync,
    attackSettings: {
      domains: attackConfig.domains,
      maxBundleBytes: attackConfig.maxBundleBytes,
    },
    techniqueStore: new DatabaseTechniqueStore(db),
  };
}

function minIntervalOf(config: Config): number {
  const key = 'aegis.attack.minInterval';
  if (!config.has(key)) {
    return DEFAULT_MIN_INTERVAL_MS;
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

/**
 * The scheduled task. Backstage's generic scheduler endpoints let any
 * signed-in user trigger or cancel it, so a run that comes less than the
 * minimum interval after the last one only logs and returns (admins sync at
 * once through `POST /system/sync-mitre`), and a cancelled run fails
 * without changing data.
 */
export function scheduledSync(options: {
  attackStore: AttackStore;
  attackSync: AttackSync;
  logger: LoggerService;
  minIntervalMs: number;
}) {
  return async (signal?: AbortSignal) => {
    const latest = await options.attackStore.latestRunStart();
    if (latest && Date.now() - latest.getTime() < options.minIntervalMs) {
      options.logger.warn(
        `Skipped an ATT&CK sync started through the scheduler: the last run started at ${latest.toISOString()}, within the minimum interval of ${Math.round(
          options.minIntervalMs / 60_000,
        )} minutes (aegis.attack.minInterval). Admins sync at once with POST /api/aegis/system/sync-mitre.`,
      );
      return;
    }
    await options.attackSync.syncAll({ trigger: 'schedule', signal });
  };
}
