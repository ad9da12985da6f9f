import {
  AEGIS_EVIDENCE_RESOURCE_TYPE,
  AEGIS_TEMPLATE_RESOURCE_TYPE,
  AEGIS_TEST_RESOURCE_TYPE,
  aegisPermissions,
} from '@aegis-security/plugin-aegis-common';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createAttackCapability } from './attack/createAttackCapability';
import { CustomTechniques } from './attack/CustomTechniques';
import { DatabaseAuditStore } from './audit/DatabaseAuditStore';
import { applyMigrations } from './database/migrations';
import { createCoverageCapability } from './coverage/createCoverageCapability';
import { DataFingerprint } from './lib/DataFingerprint';
import { DecisionCache } from './lib/DecisionCache';
import { ReadCache, readCacheOptions } from './lib/ReadCache';
import { createEvidenceCapability } from './evidence/createEvidenceCapability';
import { assertPermissionsEnabled } from './lib/config';
import { warnAboutUnrestrictedTokens } from './lib/externalAccess';
import { CatalogMembership } from './roles/CatalogMembership';
import { readRolesConfig } from './roles/config';
import { DatabaseRoleStore } from './roles/DatabaseRoleStore';
import { UserAdministration } from './roles/UserAdministration';
import { createRouter } from './service/router';
import { catalogEntityCheck } from './tests/catalogEntities';
import { testResourceRef, testRules } from './tests/permissionRules';
import { TestAccess } from './tests/TestAccess';
import {
  templateResourceRef,
  templateRules,
} from './templates/permissionRules';
import { TemplateStore } from './templates/TemplateStore';
import { TestNotifier } from './tests/TestNotifier';
import { TestRepository } from './tests/TestRepository';
import { TestWorkflow } from './tests/TestWorkflow';

/**
 * The Aegis backend plugin, mounted at `/api/aegis`.
 *
 * @public
 */
export const aegisPlugin = createBackendPlugin({
  pluginId: 'aegis',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        httpRouter,
        httpAuth,
        auth,
        auditor,
        permissions: permissionsService,
        permissionsRegistry,
        catalog,
        notifications,
      }) {
        assertPermissionsEnabled(config);
        const permissions = DecisionCache.fromConfig(
          config,
          permissionsService,
        );
        warnAboutUnrestrictedTokens(config, logger);
        const db = await database.getClient();
        await applyMigrations(database, db);

        const testRepository = new TestRepository(db);
        permissionsRegistry.addPermissions(
          aegisPermissions.filter(
            permission =>
              !isResourcePermission(permission, AEGIS_TEST_RESOURCE_TYPE) &&
              !isResourcePermission(permission, AEGIS_EVIDENCE_RESOURCE_TYPE) &&
              !isResourcePermission(permission, AEGIS_TEMPLATE_RESOURCE_TYPE),
          ),
        );
        permissionsRegistry.addResourceType({
          resourceRef: testResourceRef,
          permissions: aegisPermissions.filter(permission =>
            isResourcePermission(permission, AEGIS_TEST_RESOURCE_TYPE),
          ),
          rules: Object.values(testRules),
          getResources: async ids =>
            Promise.all(
              ids.map(async id => (await testRepository.get(id))?.facts),
            ),
        });

        const auditStore = new DatabaseAuditStore(db);
        const userAdministration = new UserAdministration({
          rolesConfig: readRolesConfig(config),
          membership: new CatalogMembership(catalog, auth),
          roleStore: new DatabaseRoleStore(db),
          auditStore,
        });

        const testNotifier = new TestNotifier({
          notifications,
          users: userAdministration,
          logger,
        });
        const attack = await createAttackCapability({
          config,
          db,
          logger,
          scheduler,
          onTestsFlagged: (domain, testIds) =>
            testNotifier.testsNeedRemapping(domain, testIds),
        });

        const templateStore = new TemplateStore(db, auditStore);
        permissionsRegistry.addResourceType({
          resourceRef: templateResourceRef,
          permissions: aegisPermissions.filter(permission =>
            isResourcePermission(permission, AEGIS_TEMPLATE_RESOURCE_TYPE),
          ),
          rules: Object.values(templateRules),
          getResources: async ids =>
            Promise.all(
              ids.map(async id => {
                const template = await templateStore.get(id);
                return template && { id, active: template.active };
              }),
            ),
        });

        const { evidenceService, requireRedEvidence } =
          await createEvidenceCapability({
            config,
            db,
            logger,
            scheduler,
            permissionsRegistry,
            auditStore,
            notifier: testNotifier,
          });

        const coverage = await createCoverageCapability({
          config,
          db,
          logger,
          scheduler,
          catalog,
          auth,
          domains: attack.attackSettings.domains,
        });

        const router = await createRouter({
          ...attack,
          ...coverage,
          readCache: new ReadCache(
            new DataFingerprint(db),
            readCacheOptions(config),
          ),
          appBaseUrl: config.getString('app.baseUrl'),
          customTechniques: new CustomTechniques(db, auditStore),
          testRepository,
          testAccess: new TestAccess(permissions, permissionsRegistry),
          testWorkflow: new TestWorkflow({
            db,
            auditStore,
            entitiesMissing: catalogEntityCheck(catalog, auth),
            requiredRedEvidence: requireRedEvidence
              ? (testId, round, trx) =>
                  evidenceService.count(testId, round, 'red', trx)
              : undefined,
          }),
          testNotifier,
          evidenceService,
          templateStore,
          permissionsRegistry,
          db,
          logger,
          httpAuth,
          permissions,
          auditStore,
          auditor,
          userAdministration,
          accessOptions: {
            viewerMayDownloadEvidence:
              config.getOptionalBoolean(
                'aegis.access.viewerMayDownloadEvidence',
              ) ?? false,
          },
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/openapi.json',
          allow: 'unauthenticated',
        });
        // Browser download links of evidence content carry the user cookie;
        // every other evidence route still refuses cookie-only requests.
        httpRouter.addAuthPolicy({ path: '/evidence', allow: 'user-cookie' });
        // Report downloads (CSV, Navigator layers) are browser links too.
        httpRouter.addAuthPolicy({ path: '/reports', allow: 'user-cookie' });
      },
    });
  },
});
