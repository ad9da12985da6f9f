import {
  aegisAttackSyncPermission,
  aegisSystemReadPermission,
  aegisTechniqueCreatePermission,
  aegisTechniqueReadPermission,
  aegisTechniqueReviewPermission,
  aegisTechniqueUpdatePermission,
  COVERAGE_STATUSES,
  TechniqueCoverage,
} from '@aegis-security/plugin-aegis-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PayloadTooLargeError } from '../lib/errors';
import { Request } from 'express';
import { z } from 'zod';
import { coverageScopeFor } from '../coverage/scope';
import { audited } from '../lib/auditor';
import { actorOf, requirePermission } from '../lib/authorize';
import { parseRequest, queryInteger, queryOffset } from '../lib/validation';
import { RouteContext } from '../service/types';
import { TechniqueActor } from './CustomTechniques';
import { ATTACK_DOMAINS } from './stix/model';
import { readBundleFile } from './stix/readBundleFile';

const queryBoolean = z.enum(['true', 'false']).transform(v => v === 'true');

const techniqueQuery = z.strictObject({
  tactic: z.string().min(1).max(100).optional(),
  platform: z.string().min(1).max(100).optional(),
  domain: z.enum(ATTACK_DOMAINS).optional(),
  search: z.string().min(1).max(200).optional(),
  include_subtechniques: queryBoolean.default(true),
  deprecated: queryBoolean.default(false),
  review_required: queryBoolean.optional(),
  status: z.enum(COVERAGE_STATUSES).optional(),
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

const platforms = z.array(z.string().trim().min(1).max(100)).max(30);
const tactics = z.array(z.string().trim().min(1).max(100)).min(1).max(20);

const createTechniqueBody = z.strictObject({
  name: z.string().trim().min(1).max(255),
  description: z.string().max(20_000).optional(),
  domain: z.enum(ATTACK_DOMAINS).default('enterprise-attack'),
  platforms: platforms.default([]),
  tactics,
});

const updateTechniqueBody = z
  .strictObject({
    name: z.string().trim().min(1).max(255).optional(),
    description: z.string().max(20_000).optional(),
    platforms: platforms.optional(),
    tactics: tactics.optional(),
    reviewRequired: z.boolean().optional(),
    reviewNote: z.string().trim().max(5000).nullable().optional(),
  })
  .refine(body => Object.keys(body).length > 0, {
    message: 'give at least one field to change',
  });

const reviewBody = z.strictObject({
  note: z.string().trim().min(1).max(5000),
});

/** Where admins upload a bundle for air-gapped portals. */
export const BUNDLE_UPLOAD_PATH = '/system/attack-bundle';

const uploadQuery = z.strictObject({ domain: z.enum(ATTACK_DOMAINS) });

/** Routes of the ATT&CK knowledge base and its sync. */
export function registerAttackRoutes(context: RouteContext): void {
  const { router, techniqueStore, attackStore, attackSync } = context;

  /** Runs a change of a technique as an auditor event, for its caller. */
  function changeTechnique<T>(
    req: Request,
    credentials: BackstageCredentials,
    action: string,
    change: (actor: TechniqueActor) => Promise<T>,
  ): Promise<T> {
    return audited(
      context.auditor,
      {
        eventId: 'technique',
        request: req,
        meta: { action, mitreId: req.params.mitreId ?? '' },
      },
      () =>
        change({
          ref: actorOf(credentials),
          requestId: req.get('x-request-id') ?? undefined,
        }),
    );
  }

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
    const credentials = await requirePermission(
      context,
      req,
      aegisTechniqueReadPermission,
    );
    const query = parseRequest(techniqueQuery, req.query, 'query');
    const scope = await coverageScopeFor(context, credentials);
    const filter = {
      tactic: query.tactic,
      platform: query.platform,
      domain: query.domain,
    };
    // With a status filter, the coverage of every technique decides which
    // ones the page may hold; without, only the page's own is computed.
    const coverageOfAll = query.status
      ? await context.coverageStore.techniques(filter, scope, {
          platforms: false,
        })
      : undefined;
    const page = await techniqueStore.list({
      mitreIds: coverageOfAll
        ?.filter(coverage => coverage.status === query.status)
        .map(coverage => coverage.mitreId),
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
    const coverage = byMitreId(
      coverageOfAll ??
        (page.items.length
          ? await context.coverageStore.techniques(filter, scope, {
              platforms: false,
              mitreIds: page.items.map(item => item.mitreId),
            })
          : []),
    );
    res.json({
      items: page.items.map(item => withCoverage(item, coverage)),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    });
  });

  router.get('/techniques/:mitreId', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisTechniqueReadPermission,
    );
    const { mitreId } = parseRequest(mitreIdParam, req.params, 'path');
    const technique = await techniqueStore.get(mitreId.toUpperCase());
    if (!technique) {
      throw new NotFoundError(`No technique ${mitreId}`);
    }
    const [coverageDetail] = await context.coverageStore.techniques(
      {},
      await coverageScopeFor(context, credentials),
      { mitreIds: [technique.mitreId] },
    );
    res.json({
      ...withCoverage(
        technique,
        byMitreId(coverageDetail ? [coverageDetail] : []),
      ),
      coverageDetail,
    });
  });

  router.post('/techniques', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisTechniqueCreatePermission,
    );
    const body = parseRequest(createTechniqueBody, req.body, 'body');
    const mitreId = await changeTechnique(req, credentials, 'create', actor =>
      context.customTechniques.create(body, actor),
    );
    res.status(201).json(await techniqueStore.get(mitreId));
  });

  router.patch('/techniques/:mitreId', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisTechniqueUpdatePermission,
    );
    const { mitreId } = parseRequest(mitreIdParam, req.params, 'path');
    const body = parseRequest(updateTechniqueBody, req.body, 'body');
    const id = mitreId.toUpperCase();
    await changeTechnique(req, credentials, 'update', actor =>
      context.customTechniques.update(id, body, actor),
    );
    res.json(await techniqueStore.get(id));
  });

  router.patch('/techniques/:mitreId/review', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisTechniqueReviewPermission,
    );
    const { mitreId } = parseRequest(mitreIdParam, req.params, 'path');
    const { note } = parseRequest(reviewBody, req.body, 'body');
    const id = mitreId.toUpperCase();
    await changeTechnique(req, credentials, 'review', actor =>
      context.customTechniques.review(id, note, actor),
    );
    res.json(await techniqueStore.get(id));
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

  router.post(BUNDLE_UPLOAD_PATH, async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisAttackSyncPermission,
    );
    const { domain } = parseRequest(uploadQuery, req.query, 'query');
    const { domains, maxBundleBytes } = context.attackSettings;
    if (!domains.includes(domain)) {
      throw new InputError(
        `Invalid query: domain: ${domain} is not enabled (aegis.attack.domains)`,
      );
    }
    const directory = await mkdtemp(join(tmpdir(), 'aegis-bundle-'));
    try {
      const path = join(directory, 'bundle');
      const size = await saveBody(req, path, maxBundleBytes);
      let bundle: unknown;
      try {
        bundle = await readBundleFile(path, maxBundleBytes);
      } catch (error) {
        throw /larger than/.test((error as Error).message)
          ? new PayloadTooLargeError(
              `The bundle is larger than ${maxBundleBytes} bytes decompressed (aegis.attack.maxBundleBytes); nothing changed`,
            )
          : new InputError(
              'Invalid body: not a STIX bundle in JSON, plain or gzipped; nothing changed',
            );
      }
      const actor = actorOf(credentials);
      const run = await audited(
        context.auditor,
        { eventId: 'attack-sync', request: req, meta: { trigger: 'upload' } },
        () =>
          attackSync.syncUploaded(
            domain,
            { bundle, detail: `uploaded by ${actor} (${size} bytes)` },
            { trigger: 'manual', triggeredBy: actor },
          ),
      );
      res.status(run.outcome === 'succeeded' ? 200 : 422).json(run);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  router.get('/system/sync-runs', async (req, res) => {
    await requirePermission(context, req, aegisSystemReadPermission);
    const query = parseRequest(runsQuery, req.query, 'query');
    const page = await attackStore.listRuns(query);
    res.json({ ...page, limit: query.limit, offset: query.offset });
  });
}

/**
 * Streams a request body to a file, refusing (413) a body larger than the
 * cap: an upload never sits whole in memory before its size is known.
 */
async function saveBody(
  req: Request,
  path: string,
  maxBytes: number,
): Promise<number> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(
        size > maxBytes
          ? new PayloadTooLargeError(
              `The upload is larger than ${maxBytes} bytes (aegis.attack.maxBundleBytes); nothing changed`,
            )
          : null,
        chunk,
      );
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(path));
  } catch (error) {
    req.resume();
    throw error;
  }
  if (size === 0) {
    throw new InputError('Invalid body: send the STIX bundle (JSON or gzip)');
  }
  return size;
}

function byMitreId(
  coverage: TechniqueCoverage[],
): Map<string, TechniqueCoverage> {
  return new Map(coverage.map(item => [item.mitreId, item]));
}

/** A technique with the brief coverage the matrix colours it by. */
function withCoverage<T extends { mitreId: string }>(
  technique: T,
  coverage: Map<string, TechniqueCoverage>,
) {
  const found = coverage.get(technique.mitreId);
  return {
    ...technique,
    coverage: found && {
      status: found.status,
      confirmedGap: found.confirmedGap,
      stale: found.stale,
      lastValidatedAt: found.lastValidatedAt,
    },
  };
}
