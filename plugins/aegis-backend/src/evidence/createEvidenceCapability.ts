import {
  AEGIS_EVIDENCE_RESOURCE_TYPE,
  aegisPermissions,
} from '@aegis-security/plugin-aegis-common';
import {
  LoggerService,
  PermissionsRegistryService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { AuditStore } from '../audit/AuditStore';
import { TestNotifier } from '../tests/TestNotifier';
import { readEvidenceConfig } from './config';
import { EvidenceService } from './EvidenceService';
import { LocalObjectStore } from './LocalObjectStore';
import { ObjectStore } from './ObjectStore';
import { evidenceResourceRef, evidenceRules } from './permissionRules';
import { S3ObjectStore } from './S3ObjectStore';

/** The clean-up task's id in the scheduler. */
export const EVIDENCE_CLEANUP_TASK_ID = 'aegis-evidence-cleanup';

/** Uploads still in flight after this long have failed. */
const STALE_UPLOAD_MS = 60 * 60 * 1000;

/**
 * Builds evidence storage from `aegis.evidence`, registers the evidence
 * resource type, and schedules the hourly clean-up of orphaned objects.
 */
export async function createEvidenceCapability(options: {
  config: Config;
  db: Knex;
  logger: LoggerService;
  scheduler: SchedulerService;
  permissionsRegistry: PermissionsRegistryService;
  auditStore: AuditStore;
  notifier: TestNotifier;
}) {
  const { config, db, logger, scheduler, permissionsRegistry } = options;
  const evidenceConfig = readEvidenceConfig(config);
  const store: ObjectStore = evidenceConfig.s3
    ? new S3ObjectStore(evidenceConfig.s3)
    : new LocalObjectStore(evidenceConfig.localDirectory);
  logger.info(
    evidenceConfig.s3
      ? `Evidence is stored in S3 bucket ${evidenceConfig.s3.bucket}`
      : `Evidence is stored on local disk in ${evidenceConfig.localDirectory}`,
  );

  const evidenceService = new EvidenceService({
    db,
    store,
    maxBytes: evidenceConfig.maxBytes,
    presign: evidenceConfig.s3?.presignedDownloads.enabled
      ? evidenceConfig.s3.presignedDownloads
      : undefined,
    auditStore: options.auditStore,
    logger,
    onIntegrityFailure: evidence => options.notifier.evidenceTampered(evidence),
  });

  permissionsRegistry.addResourceType({
    resourceRef: evidenceResourceRef,
    permissions: aegisPermissions.filter(permission =>
      isResourcePermission(permission, AEGIS_EVIDENCE_RESOURCE_TYPE),
    ),
    rules: Object.values(evidenceRules),
    getResources: async ids =>
      Promise.all(
        ids.map(async id => {
          const evidence = await evidenceService.get(id);
          if (!evidence) return undefined;
          const test = await db('aegis_tests')
            .where({ id: evidence.testId })
            .first('blind', 'revealed_at');
          return {
            id,
            testId: evidence.testId,
            team: evidence.team,
            uploadedBy: evidence.uploadedBy,
            testBlind: Boolean(test?.blind),
            testRevealed: Boolean(test?.revealed_at),
          };
        }),
      ),
  });

  await scheduler.scheduleTask({
    id: EVIDENCE_CLEANUP_TASK_ID,
    scope: 'global',
    frequency: { hours: 1 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 5 },
    fn: async () => {
      const removed = await evidenceService.cleanUp(
        new Date(Date.now() - STALE_UPLOAD_MS),
      );
      if (removed) {
        logger.info(`Evidence clean-up removed ${removed} orphaned objects`);
      }
    },
  });

  return {
    evidenceService,
    requireRedEvidence: evidenceConfig.requireRedEvidence,
  };
}
