import {
  aegisReportReadPermission,
  aegisTechniqueReadPermission,
} from '@aegis-security/plugin-aegis-common';
import { z } from 'zod';
import { requirePermission } from '../lib/authorize';
import { entityRef, parseRequest } from '../lib/validation';
import { RouteContext } from '../service/types';
import { CatalogFeed } from './CatalogFeed';
import { EntityCoverageReader } from './EntityCoverageReader';
import { coverageScopeFor } from './scope';

const entityCoverageQuery = z.strictObject({
  entityRef: entityRef('component'),
});

/**
 * A catalog entity's coverage (`GET /coverage`, for entity pages) and the
 * feed of the catalog module (`GET /catalog/techniques`).
 */
export function registerCoverageRoutes(context: RouteContext): void {
  const { router, coverageStore, testRepository } = context;
  const entityCoverage = new EntityCoverageReader(
    context.db,
    coverageStore,
    testRepository,
  );
  const catalogFeed = new CatalogFeed(context.db, coverageStore);

  router.get('/coverage', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisReportReadPermission,
    );
    const query = parseRequest(entityCoverageQuery, req.query, 'query');
    const found = await coverageScopeFor(context, credentials, query.entityRef);
    const scope = {
      ...found,
      entityRefs: found.entityRefs ?? [query.entityRef],
    };
    await context.readCache.sendJson(
      req,
      res,
      ['entity-coverage', query.entityRef, scope.key],
      () => entityCoverage.read(query.entityRef, scope),
    );
  });

  router.get('/catalog/techniques', async (req, res) => {
    await requirePermission(context, req, aegisTechniqueReadPermission);
    // The same for every reader: unrevealed blind tests never count.
    await context.readCache.sendJson(req, res, ['catalog-feed'], () =>
      catalogFeed.read(),
    );
  });
}
