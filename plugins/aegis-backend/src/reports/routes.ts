import {
  aegisReportReadPermission,
  CoverageFilter,
  CoverageReport,
  RemediationReport,
  TestResultsReport,
} from '@aegis-security/plugin-aegis-common';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { AttackDomain } from '../attack/stix/model';
import { coverageScopeFor } from '../coverage/scope';
import { audited } from '../lib/auditor';
import { CachedAnswer, sendAnswer } from '../lib/ReadCache';
import { parseRequest, requireEnabledDomain } from '../lib/validation';
import { RouteContext } from '../service/types';
import { csvDownload, CsvColumn, toCsv } from './csv';
import {
  coverageColumns,
  remediationColumns,
  testResultColumns,
} from './csvColumns';
import { buildNavigatorLayer, NavigatorLayer } from './navigatorLayer';
import {
  coverageQuery,
  navigatorQuery,
  remediationQuery,
  testResultsQuery,
  updatedBetween,
} from './queries';
import { ReportQueries } from './ReportQueries';

/** Who may call: token holders only, or also the user cookie of a browser. */
type Access = 'api' | 'download';

/** What the report routes need beyond the route context. */
export interface ReportOptions {
  /** `app.baseUrl`: the Navigator layer links back to Aegis pages. */
  appBaseUrl: string;
}

/**
 * The reports: coverage (JSON, CSV and an ATT&CK Navigator layer), test
 * results and remediation status (JSON and CSV). Every report needs
 * `aegis.report.read` and counts only the tests the caller may read.
 */
export function registerReportRoutes(
  context: RouteContext,
  options: ReportOptions,
): void {
  const { router, coverageStore } = context;
  const queries = new ReportQueries(context.db);

  /**
   * The caller may read reports, and counts the tests it may read. Downloads
   * are browser links, so they also take the user cookie (limited access);
   * the JSON reports take tokens only.
   */
  async function authorize<T extends object>(
    req: Request,
    parse: () => T,
    access: Access,
  ) {
    const credentials = await context.httpAuth.credentials(req, {
      allowLimitedAccess: access === 'download',
    });
    const [decision] = await context.permissions.authorize(
      [{ permission: aegisReportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${aegisReportReadPermission.name} for this action`,
      );
    }
    const query = parse();
    const { entityRef } = query as { entityRef?: string };
    const scope = await coverageScopeFor(context, credentials, entityRef);
    return { query, scope };
  }

  /**
   * Checks what the query syntax cannot (an enabled domain, a known tactic
   * and platform) and spells the platform as ATT&CK does, as tests do.
   */
  async function checkFilter<T extends CoverageFilter>(filter: T): Promise<T> {
    const { domains } = context.attackSettings;
    requireEnabledDomain(filter.domain, domains);
    const searched = filter.domain ? [filter.domain] : domains;
    if (
      filter.tactic &&
      !(await queries.tacticExists(filter.tactic, searched))
    ) {
      throw new InputError(
        `Invalid query: tactic: '${
          filter.tactic
        }' is not a tactic of ${searched.join(', ')}`,
      );
    }
    if (!filter.platform) {
      return filter;
    }
    const platform = await queries.attackPlatform(searched, filter.platform);
    if (!platform) {
      throw new InputError(
        `Invalid query: platform: '${
          filter.platform
        }' is not a platform of ${searched.join(', ')}`,
      );
    }
    return { ...filter, platform };
  }

  /** A download leaves the portal: it is recorded in the audit stream. */
  function exported<T>(
    req: Request,
    report: string,
    build: () => Promise<T>,
  ): Promise<T> {
    return audited(
      context.auditor,
      { eventId: 'report-export', request: req, meta: { report } },
      build,
    );
  }

  /**
   * A report as the caller may see it: the query parsed and checked, the
   * key of the read cache (the report, the query and the caller's scope)
   * and how to build it.
   */
  type Prepared<T> = { key: unknown[]; build: () => Promise<T> };

  async function coverageReport(
    req: Request,
    access: Access,
  ): Promise<Prepared<CoverageReport>> {
    const { query, scope } = await authorize(
      req,
      () => parseRequest(coverageQuery, req.query, 'query'),
      access,
    );
    const filter = await checkFilter(query);
    return {
      key: ['coverage', filter, scope.key],
      build: async () => {
        const coverage = await coverageStore.evaluate(filter, scope);
        return {
          generatedAt: new Date().toISOString(),
          filters: filter,
          counts: coverage.counts(),
          byTactic: coverage.byTactic(),
          byPlatform: coverage.byPlatform(),
          techniques: coverage.techniques(),
        };
      },
    };
  }

  async function testResults(
    req: Request,
    access: Access,
  ): Promise<Prepared<TestResultsReport>> {
    const { query, scope } = await authorize(
      req,
      () => parseRequest(testResultsQuery, req.query, 'query'),
      access,
    );
    return {
      key: ['test-results', query, scope.key],
      build: async () => ({
        generatedAt: new Date().toISOString(),
        filters: {
          state: query.state,
          date_from: query.date_from?.value,
          date_to: query.date_to?.value,
        },
        items: await queries.testResults({
          criteria: scope.tests,
          state: query.state,
          updated: updatedBetween(query),
        }),
      }),
    };
  }

  async function remediation(
    req: Request,
    access: Access,
  ): Promise<Prepared<RemediationReport>> {
    const { query, scope } = await authorize(
      req,
      () => parseRequest(remediationQuery, req.query, 'query'),
      access,
    );
    return {
      key: ['remediation', query, scope.key],
      build: async () => {
        const generatedAt = new Date().toISOString();
        const items = await queries.remediation({
          criteria: scope.tests,
          status: query.status,
          today: generatedAt.slice(0, 10),
        });
        return { generatedAt, filters: { status: query.status }, items };
      },
    };
  }

  async function navigatorLayer(
    req: Request,
  ): Promise<Prepared<NavigatorLayer>> {
    const { query, scope } = await authorize(
      req,
      () => parseRequest(navigatorQuery, req.query, 'query'),
      'download',
    );
    const domain =
      query.domain ?? defaultDomain(context.attackSettings.domains);
    const filter = await checkFilter({ ...query, domain });
    return {
      key: ['navigator-layer', filter, scope.key],
      build: async () => {
        const [coverage, attackRelease] = await Promise.all([
          coverageStore.evaluate(filter, scope),
          queries.attackRelease(domain),
        ]);
        return buildNavigatorLayer({
          domain,
          techniques: coverage.techniques(),
          counts: coverage.counts(),
          generatedAt: new Date().toISOString(),
          appBaseUrl: options.appBaseUrl,
          attackRelease,
          platform: filter.platform,
          entityRef: query.entityRef,
          maxAgeDays: context.coverageSettings.maxAgeDays,
        });
      },
    };
  }

  /**
   * A tabular report: its JSON for automation, and its CSV as a download
   * (audited), each from the read cache.
   */
  function serveReport<T extends { generatedAt: string }, Row>(report: {
    path: string;
    csvPath: string;
    prepare: (req: Request, access: Access) => Promise<Prepared<T>>;
    csvName: string;
    columns: CsvColumn<Row>[];
    rows: (report: T) => Row[];
  }) {
    router.get(report.path, async (req, res) => {
      const prepared = await report.prepare(req, 'api');
      await context.readCache.sendJson(
        req,
        res,
        [...prepared.key, 'json'],
        prepared.build,
      );
    });
    router.get(report.csvPath, async (req, res) => {
      const name = report.csvPath.replace('/reports/', '');
      const csv = await exported(req, name, async () => {
        const prepared = await report.prepare(req, 'download');
        return context.readCache.get(
          req,
          [...prepared.key, 'csv'],
          async () => {
            const built = await prepared.build();
            return csvDownload(
              fileName(report.csvName, built.generatedAt, 'csv'),
              toCsv(report.columns, report.rows(built)),
            );
          },
        );
      });
      sendAnswer(res, csv);
    });
  }

  serveReport({
    path: '/reports/coverage-summary',
    csvPath: '/reports/coverage-csv',
    prepare: coverageReport,
    csvName: 'aegis-coverage',
    columns: coverageColumns,
    rows: report => report.techniques,
  });
  serveReport({
    path: '/reports/test-results',
    csvPath: '/reports/test-results.csv',
    prepare: testResults,
    csvName: 'aegis-test-results',
    columns: testResultColumns,
    rows: report => report.items,
  });
  serveReport({
    path: '/reports/remediation-status',
    csvPath: '/reports/remediation-status.csv',
    prepare: remediation,
    csvName: 'aegis-remediation',
    columns: remediationColumns,
    rows: report => report.items,
  });

  router.get('/reports/navigator-layer', async (req, res) => {
    const layer = await exported(req, 'navigator-layer', async () => {
      const prepared = await navigatorLayer(req);
      return context.readCache.get(req, prepared.key, async () =>
        jsonDownload(await prepared.build()),
      );
    });
    sendAnswer(res, layer);
  });
}

function defaultDomain(domains: AttackDomain[]): AttackDomain {
  return domains.includes('enterprise-attack')
    ? 'enterprise-attack'
    : domains[0];
}

/** `aegis-coverage-2026-12-03.csv`: the name a download is saved under. */
function fileName(prefix: string, generatedAt: string, extension: string) {
  return `${prefix}-${generatedAt.slice(0, 10)}.${extension}`;
}

/** A Navigator layer as a download, named after its domain and day. */
function jsonDownload(layer: NavigatorLayer): CachedAnswer {
  return {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName(
        `aegis-navigator-${layer.domain}`,
        new Date().toISOString(),
        'json',
      )}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    body: JSON.stringify(layer, null, 2),
  };
}
