import express from 'express';
import Router from 'express-promise-router';
import { BUNDLE_UPLOAD_PATH, registerAttackRoutes } from '../attack/routes';
import { registerAuditRoutes } from '../audit/routes';
import { registerCoverageRoutes } from '../coverage/routes';
import { registerEvidenceRoutes } from '../evidence/routes';
import { registerReportRoutes } from '../reports/routes';
import { registerMetricsRoutes } from '../metrics/routes';
import { registerRoleRoutes } from '../roles/routes';
import { loadOpenApiDocument } from '../schema/openapi';
import { registerSchemaRoutes } from '../schema/routes';
import { registerSystemRoutes } from '../system/routes';
import { registerTemplateRoutes } from '../templates/routes';
import { registerTestRoutes } from '../tests/routes';
import { RouteContext } from './types';

/** Builds the Aegis API router from each capability's routes. */
export async function createRouter(
  options: Omit<RouteContext, 'router'>,
): Promise<express.Router> {
  const router = Router();
  const json = express.json({ limit: '1mb' });
  // A bundle upload is streamed to disk by its route, never parsed here.
  router.use((req, res, next) =>
    req.path === BUNDLE_UPLOAD_PATH ? next() : json(req, res, next),
  );

  const context: RouteContext = { ...options, router };
  registerSystemRoutes(context);
  registerSchemaRoutes(context, await loadOpenApiDocument());
  registerAuditRoutes(context);
  registerRoleRoutes(context);
  registerAttackRoutes(context);
  registerTestRoutes(context);
  registerEvidenceRoutes(context);
  registerTemplateRoutes(context);
  registerCoverageRoutes(context);
  registerMetricsRoutes(context);
  registerReportRoutes(context, { appBaseUrl: context.appBaseUrl });

  return router;
}
