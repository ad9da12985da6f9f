import { AegisGrantOptions } from '@aegis-security/plugin-aegis-common';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Router } from 'express';
import { Knex } from 'knex';
import { AuditStore } from '../audit/AuditStore';
import { UserAdministration } from '../roles/UserAdministration';

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
}
