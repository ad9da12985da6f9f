import {
  aegisAttackSyncPermission,
  aegisSystemReadPermission,
  aegisTechniqueReadPermission,
} from '@aegis-security/plugin-aegis-common';
import { NotFoundError } from '@backstage/errors';
import { z } from 'zod';
import { audited } from '../lib/auditor';
import { actorOf, requirePermission } from '../lib/authorize';
import { parseRequest, queryInteger, queryOffset } from '../lib/validation';
import { RouteContext } from '../service/types';
import { ATTACK_DOMAINS } from './stix/model';

const queryBoolean = z.enum(['true', 'false']).transform(v => v === 'true');

const techniqueQuery = z.strictObject({
  tactic: z.string().min(1).max(100).optional(),
  platform: z.string().min(1).max(100).optional(),
  domain: z.enum(ATTACK_DOMAINS).optional(),
  search: z.string().min(1).max(200).optional(),
  include_subtechniques: queryBoolean.default(true),
  deprecated: queryBoolean.default(false),
  review_required: queryBoolean.optional(),
  sort: z.enum(['mitre_id', 'name']).default('mitre_id'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: queryInteger({ min: 1, max: 1000, default: 100 }),
  offset: queryOffset(),
});

const tacticsQuery = z.strictObject({
  domain: z.enum(ATTACK_DOMAINS).default('enterprise-attack'),
  deprecated: queryBoolean.default(false),
});

const runsQuery = z.strictObject({
  domain: z.enum(ATTACK_DOMAINS).optional(),
  limit: queryInteger({ min: 1, max: 200, default: 20 }),
  offset: queryOffset(),
});

const mitreIdParam = z.strictObject({
  mitreId: z.string().regex(/^[A-Za-z0-9.-]{1,30}$/, 'not a technique id'),
});

/** Routes of the ATT&CK knowledge base and its sync. */
export function registerAttackRoutes(context: RouteContext): void {
  const { router, techniqueStore, attackStore, attackSync } = context;

  router.get('/tactics', async (req, res) => {
    await requirePermission(context, req, aegisTechniqueReadPermission);
    const query = parseRequest(tacticsQuery, req.query, 'query');
    const items = await techniqueStore.listTactics({
      domain: query.domain,
      includeRetired: query.deprecated,
    });
    res.json({ items });
  });

  router.get('/techniques', async (req, res) => {
    await requirePermission(context, req, aegisTechniqueReadPermission);
    const query = parseRequest(techniqueQuery, req.query, 'query');
    const page = await techniqueStore.list({
      tactic: query.tactic,
      platform: query.platform,
      domain: query.domain,
      search: query.search,
      includeSubtechniques: query.include_subtechniques,
      includeRetired: query.deprecated,
      reviewRequired: query.review_required,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
    });
    res.json({ ...page, limit: query.limit, offset: query.offset });
  });

  router.get('/techniques/:mitreId', async (req, res) => {
    await requirePermission(context, req, aegisTechniqueReadPermission);
    const { mitreId } = parseRequest(mitreIdParam, req.params, 'path');
    const technique = await techniqueStore.get(mitreId.toUpperCase());
    if (!technique) {
      throw new NotFoundError(`No technique ${mitreId}`);
    }
    res.json(technique);
  });

  router.post('/system/sync-mitre', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisAttackSyncPermission,
    );
    const runs = await audited(
      context.auditor,
      { eventId: 'attack-sync', request: req, meta: { trigger: 'manual' } },
      () =>
        attackSync.syncAll({
          trigger: 'manual',
          triggeredBy: actorOf(credentials),
        }),
    );
    res.json({ runs });
  });

  router.get('/system/sync-runs', async (req, res) => {
    await requirePermission(context, req, aegisSystemReadPermission);
    const query = parseRequest(runsQuery, req.query, 'query');
    const page = await attackStore.listRuns(query);
    res.json({ ...page, limit: query.limit, offset: query.offset });
  });
}
