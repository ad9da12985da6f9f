import { aegisReportReadPermission } from '@aegis-security/plugin-aegis-common';
import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { z } from 'zod';
import { ATTACK_DOMAINS as DOMAINS } from '../attack/stix/model';
import { coverageScopeFor } from '../coverage/scope';
import { requirePermission } from '../lib/authorize';
import {
  calendarDay,
  parseRequest,
  requireEnabledDomain,
} from '../lib/validation';
import { RouteContext } from '../service/types';
import { DayWindow, MetricsStore } from './MetricsStore';

/** The longest window the date-based metrics accept, in days. */
const MAX_WINDOW_DAYS = 731;
const DAY_MS = 86_400_000;

const summaryQuery = z.strictObject({
  domain: z.enum(DOMAINS).optional(),
});

const byTacticQuery = z.strictObject({
  domain: z.enum(DOMAINS).optional(),
  platform: z.string().min(1).max(100).optional(),
});

const windowQuery = z
  .strictObject({
    from: calendarDay.optional(),
    to: calendarDay.optional(),
  })
  .refine(({ from, to }) => !from || !to || from <= to, {
    message: 'must not be after to',
    path: ['from'],
  });

const emptyQuery = z.strictObject({});

/**
 * The dashboard's metrics under `/metrics`: coverage counts, the test
 * pipeline, team activity, the leads' validation rates, recent tests and the
 * coverage trend. Everything counts only the tests the caller may read.
 */
export function registerMetricsRoutes(context: RouteContext) {
  const {
    router,
    coverageStore,
    coverageSnapshots,
    testRepository,
    readCache,
  } = context;
  const metrics = new MetricsStore(context.db);

  async function scopeOf(req: Request) {
    const credentials = await requirePermission(
      context,
      req,
      aegisReportReadPermission,
    );
    return coverageScopeFor(context, credentials);
  }

  /** Refuses a domain the portal does not sync, as the reports do. */
  const checkDomain = (domain: string | undefined) =>
    requireEnabledDomain(domain, context.attackSettings.domains);

  router.get('/metrics/summary', async (req, res) => {
    const scope = await scopeOf(req);
    const query = parseRequest(summaryQuery, req.query, 'query');
    checkDomain(query.domain);
    await readCache.sendJson(
      req,
      res,
      ['metrics', 'summary', query, scope.key],
      async () => {
        const [coverage, states] = await Promise.all([
          coverageStore.counts({ domain: query.domain }, scope),
          metrics.states(scope.tests),
        ]);
        return {
          generatedAt: new Date().toISOString(),
          domains: query.domain
            ? [query.domain]
            : context.attackSettings.domains,
          coverage,
          tests: {
            total: Object.values(states).reduce((sum, n) => sum + n, 0),
            open:
              states.draft +
              states.red_executing +
              states.blue_evaluating +
              states.in_review,
            validated: states.validated,
            rejected: states.rejected,
          },
          maxAgeDays: context.coverageSettings.maxAgeDays,
        };
      },
    );
  });

  router.get('/metrics/by-tactic', async (req, res) => {
    const scope = await scopeOf(req);
    const query = parseRequest(byTacticQuery, req.query, 'query');
    checkDomain(query.domain);
    await readCache.sendJson(
      req,
      res,
      ['metrics', 'by-tactic', query, scope.key],
      async () => ({
        items: await coverageStore.byTactic(query, scope),
      }),
    );
  });

  router.get('/metrics/test-pipeline', async (req, res) => {
    const scope = await scopeOf(req);
    parseRequest(emptyQuery, req.query, 'query');
    await readCache.sendJson(
      req,
      res,
      ['metrics', 'test-pipeline', scope.key],
      () => metrics.pipeline(scope.tests),
    );
  });

  router.get('/metrics/team-activity', async (req, res) => {
    const scope = await scopeOf(req);
    const window = windowOf(parseRequest(windowQuery, req.query, 'query'));
    await readCache.sendJson(
      req,
      res,
      ['metrics', 'team-activity', window, scope.key],
      () => metrics.teamActivity(window, scope.tests),
    );
  });

  router.get('/metrics/validation-rate', async (req, res) => {
    const scope = await scopeOf(req);
    const window = parseRequest(windowQuery, req.query, 'query');
    await readCache.sendJson(
      req,
      res,
      ['metrics', 'validation-rate', window, scope.key],
      () => metrics.validationRate(window, scope.tests),
    );
  });

  router.get('/metrics/recent-tests', async (req, res) => {
    const scope = await scopeOf(req);
    parseRequest(emptyQuery, req.query, 'query');
    await readCache.sendJson(
      req,
      res,
      ['metrics', 'recent-tests', scope.key],
      async () => {
        const { items } = await testRepository.list({
          criteria: scope.tests,
          sort: 'updated_at',
          order: 'desc',
          limit: 10,
          offset: 0,
        });
        return { items };
      },
    );
  });

  router.get('/metrics/trend', async (req, res) => {
    await scopeOf(req);
    const window = windowOf(parseRequest(windowQuery, req.query, 'query'));
    // Snapshots count what everyone may see: one answer for every reader.
    await readCache.sendJson(req, res, ['metrics', 'trend', window], () =>
      coverageSnapshots.trend(window.from, window.to),
    );
  });
}

/**
 * A window of whole days, the last 30 by default, refused beyond
 * {@link MAX_WINDOW_DAYS} so that no request scans years of history.
 */
function windowOf(query: { from?: string; to?: string }): DayWindow {
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from =
    query.from ??
    new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS)
      .toISOString()
      .slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_WINDOW_DAYS) {
    throw new InputError(
      `Invalid query: from: the window may span at most ${MAX_WINDOW_DAYS} days`,
    );
  }
  return { from, to };
}
