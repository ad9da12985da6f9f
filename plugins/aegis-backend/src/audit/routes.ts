import { aegisAuditReadPermission } from '@aegis-security/plugin-aegis-common';
import { z } from 'zod';
import { requirePermission } from '../lib/authorize';
import { parseRequest, queryInteger, queryOffset } from '../lib/validation';
import { RouteContext } from '../service/types';

const auditQuery = z.strictObject({
  actor: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  entity_type: z.string().min(1).optional(),
  entity_id: z.string().min(1).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: queryInteger({ min: 1, max: 500, default: 50 }),
  offset: queryOffset(),
});

/** Routes of the queryable audit log. */
export function registerAuditRoutes(context: RouteContext): void {
  const { router, auditStore } = context;

  router.get('/audit-log', async (req, res) => {
    await requirePermission(context, req, aegisAuditReadPermission);
    const query = parseRequest(auditQuery, req.query, 'query');

    const page = await auditStore.list({
      actor: query.actor,
      action: query.action,
      entityType: query.entity_type,
      entityId: query.entity_id,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    res.json({ ...page, limit: query.limit, offset: query.offset });
  });
}
