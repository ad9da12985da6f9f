import { aegisReportReadPermission } from '@aegis-security/plugin-aegis-common';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { ATTACK_DOMAINS as DOMAINS } from '../attack/stix/model';
import { coverageScopeFor } from '../coverage/scope';
import { requirePermission } from '../lib/authorize';
import { calendarDay, parseRequest } from '../lib/validation';
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
  const { router, coverageStore, coverageSnapshots, testRepository } = context;
  const metrics = new MetricsStore(context.db);

  async function scopeOf(req: Parameters<typeof requirePermission>[1]) {
    const credentials = await requirePermission(
      context,
      req,
      aegisReportReadPermission,
    );
    return coverageScopeFor(context, credentials);
  }

  router.get('/metrics/summary', async (req, res) => {
    const scope = await scopeOf(req);
    const query = parseRequest(summaryQuery, req.query, 'query');
    const [coverage, pipeline] = await Promise.all([
      coverageStore.counts({ domain: query.domain }, scope),
      metrics.pipeline(scope.tests),
    ]);
    const { states } = pipeline;
    res.json({
      generatedAt: new Date().toISOString(),
      domains: query.domain ? [query.domain] : context.attackSettings.domains,
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
    });
  });

  router.get('/metrics/by-tactic', async (req, res) => {
    const scope = await scopeOf(req);
    const query = parseRequest(byTacticQuery, req.query, 'query');
    res.json({ items: await coverageStore.byTactic(query, scope) });
  });

  router.get('/metrics/test-pipeline', async (req, res) => {
    const scope = await scopeOf(req);
    parseRequest(emptyQuery, req.query, 'query');
    res.json(await metrics.pipeline(scope.tests));
  });

  router.get('/metrics/team-activity', async (req, res) => {
    const scope = await scopeOf(req);
    const window = windowOf(parseRequest(windowQuery, req.query, 'query'));
    res.json(await metrics.teamActivity(window, scope.tests));
  });

  router.get('/metrics/validation-rate', async (req, res) => {
    const scope = await scopeOf(req);
    const window = parseRequest(windowQuery, req.query, 'query');
    res.json(await metrics.validationRate(window, scope.tests));
  });

  router.get('/metrics/recent-tests', async (req, res) => {
    const scope = await scopeOf(req);
    parseRequest(emptyQuery, req.query, 'query');
    const { items } = await testRepository.list({
      criteria: scope.tests,
      sort: 'updated_at',
      order: 'desc',
      limit: 10,
      offset: 0,
    });
    res.json({ items });
  });

  router.get('/metrics/trend', async (req, res) => {
    await scopeOf(req);
    const window = windowOf(parseRequest(windowQuery, req.query, 'query'));
    res.json(await coverageSnapshots.trend(window.from, window.to));
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
