import { AegisGrantOptions } from '@aegis-security/plugin-aegis-common';
import {
  AuditorService,
  PermissionsRegistryService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Router } from 'express';
import { Knex } from 'knex';
import { AttackStore } from '../attack/AttackStore';
import { AttackSync } from '../attack/AttackSync';
import { AttackDomain } from '../attack/stix/model';
import { CustomTechniques } from '../attack/CustomTechniques';
import { TechniqueStore } from '../attack/TechniqueStore';
import { AuditStore } from '../audit/AuditStore';
import { CoverageSnapshots } from '../coverage/CoverageSnapshots';
import { CoverageStore } from '../coverage/CoverageStore';
import { EntityScope } from '../coverage/entityScope';
import { EvidenceService } from '../evidence/EvidenceService';
import { ReadCache } from '../lib/ReadCache';
import { UserAdministration } from '../roles/UserAdministration';
import { TemplateStore } from '../templates/TemplateStore';
import { TestAccess } from '../tests/TestAccess';
import { TestNotifier } from '../tests/TestNotifier';
import { TestRepository } from '../tests/TestRepository';
import { TestWorkflow } from '../tests/TestWorkflow';

/** What every capability's routes may use. */
export interface RouteContext {
  router: Router;
  db: Knex;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditStore: AuditStore;
  auditor: AuditorService;
  userAdministration: UserAdministration;
  accessOptions: AegisGrantOptions;
  attackStore: AttackStore;
  attackSync: AttackSync;
  attackSettings: { domains: AttackDomain[]; maxBundleBytes: number };
  techniqueStore: TechniqueStore;
  customTechniques: CustomTechniques;
  testAccess: TestAccess;
  testRepository: TestRepository;
  testWorkflow: TestWorkflow;
  testNotifier: TestNotifier;
  evidenceService: EvidenceService;
  templateStore: TemplateStore;
  permissionsRegistry: PermissionsRegistryService;
  coverageStore: CoverageStore;
  coverageSnapshots: CoverageSnapshots;
  coverageSettings: { maxAgeDays: number };
  entityScope: EntityScope;
  /** Answers of metrics, reports and the test list, while the data is unchanged. */
  readCache: ReadCache;
  /** The portal's frontend URL, for links back to Aegis in reports. */
  appBaseUrl: string;
}
