import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration } from '@backstage/types';
import { Knex } from 'knex';
import { AttackDomain } from '../attack/stix/model';
import { CoverageSnapshots } from './CoverageSnapshots';
import { CoverageStore } from './CoverageStore';
import { EntityScope } from './entityScope';

/** The scheduler task that takes the day's coverage snapshot. */
export const COVERAGE_SNAPSHOT_TASK_ID = 'aegis-coverage-snapshot';

const DEFAULTS = {
  maxAgeDays: 365,
  snapshotFrequency: { hours: 1 } as HumanDuration,
  snapshotInitialDelay: { seconds: 30 } as HumanDuration,
};

/** Settings of the coverage, from `aegis.coverage`. */
export interface CoverageConfig {
  maxAgeDays: number;
  snapshotFrequency: HumanDuration;
  snapshotInitialDelay: HumanDuration;
}

/** Reads `aegis.coverage`, failing with the name of a bad key. */
export function readCoverageConfig(config: Config): CoverageConfig {
  const maxAgeKey = 'aegis.coverage.maxAgeDays';
  const maxAgeDays =
    config.getOptionalNumber(maxAgeKey) ?? DEFAULTS.maxAgeDays;
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1) {
    throw new Error(
      `Invalid config at ${maxAgeKey}: must be a positive whole number of days, not ${maxAgeDays}`,
    );
  }
  const frequencyKey = 'aegis.coverage.snapshotFrequency';
  const snapshotFrequency = config.has(frequencyKey)
    ? readDurationFromConfig(config, { key: frequencyKey })
    : DEFAULTS.snapshotFrequency;
  const delayKey = 'aegis.coverage.snapshotInitialDelay';
  const snapshotInitialDelay = config.has(delayKey)
    ? readDurationFromConfig(config, { key: delayKey })
    : DEFAULTS.snapshotInitialDelay;
  return { maxAgeDays, snapshotFrequency, snapshotInitialDelay };
}

/**
 * Builds the coverage store, the catalog scope of entities and the daily
 * snapshots of the trend, and schedules the snapshot task (one run at a
 * time across backend instances; a run replaces the day's snapshot).
 */
export async function createCoverageCapability(options: {
  config: Config;
  db: Knex;
  logger: LoggerService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  domains: AttackDomain[];
}) {
  const { config, db, logger, scheduler } = options;
  const settings = readCoverageConfig(config);

  const coverageStore = new CoverageStore(db, {
    domains: options.domains,
    maxAgeDays: settings.maxAgeDays,
  });
  const coverageSnapshots = new CoverageSnapshots(db, coverageStore);

  await scheduler.scheduleTask({
    id: COVERAGE_SNAPSHOT_TASK_ID,
    scope: 'global',
    frequency: settings.snapshotFrequency,
    timeout: { minutes: 5 },
    initialDelay: settings.snapshotInitialDelay,
    fn: async () => {
      const { counts, changed } = await coverageSnapshots.take();
      if (!changed) return;
      logger.info('Took the coverage snapshot of the day', {
        total: counts.total,
        validated: counts.validated,
        partial: counts.partial,
        inProgress: counts.in_progress,
        notCovered: counts.not_covered,
      });
    },
  });

  return {
    coverageStore,
    coverageSnapshots,
    coverageSettings: { maxAgeDays: settings.maxAgeDays },
    entityScope: new EntityScope(options.catalog, options.auth),
  };
}
