import { ResponseError } from '@backstage/errors';
import type {
  AttackDomain,
  ListTechniquesQuery,
  SyncRun,
  SyncRunPage,
  Tactic,
  TechniqueDetail,
  TechniquePage,
} from '../attackTypes';
import type {
  AegisUser,
  AegisUserPage,
  CreateUserRequest,
  HealthResponse,
  ListUsersQuery,
  MeResponse,
  UpdateUserRequest,
} from '../types';
import type {
  CreateTemplateRequest,
  CreateTestFromTemplateRequest,
  ListTemplatesQuery,
  TemplateStats,
  TestTemplate,
  TestTemplatePage,
  UpdateTemplateRequest,
  CreateTestRequest,
  Evidence,
  EvidenceTeam,
  EvidenceVerification,
  TestEvidence,
  ListTestsQuery,
  SecurityTest,
  SecurityTestPage,
  TestAction,
  TimelineEntry,
  UpdateBlueRequest,
  UpdateRedRequest,
  UpdateRemediationRequest,
  UpdateTestRequest,
  VoteRequest,
} from '../workflow';
import type {
  CoverageFilter,
  CoverageReport,
  CoverageTrend,
  EntityCoverage,
  MetricsByTactic,
  MetricsSummary,
  RecentTests,
  RemediationReport,
  TeamActivity,
  TestPipeline,
  TestResultsReport,
  ValidationRate,
} from '../coverage';
import type { AegisApi, AegisRequestOptions } from './AegisApi';

/**
 * Finds the base URL of a Backstage plugin, as the discovery API does.
 *
 * @public
 */
export interface AegisDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * A fetch implementation; the frontend's fetch API adds the user's token.
 *
 * @public
 */
export interface AegisFetch {
  fetch: typeof fetch;
}

/**
 * Typed client of the Aegis REST API.
 *
 * @public
 */
export class AegisClient implements AegisApi {
  private readonly discoveryApi: AegisDiscovery;
  private readonly fetchApi: AegisFetch;

  constructor(options: {
    discoveryApi: AegisDiscovery;
    fetchApi?: AegisFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: globalThis.fetch };
  }

  getHealth(options?: AegisRequestOptions): Promise<HealthResponse> {
    return this.request('GET', '/health', options);
  }

  getMe(options?: AegisRequestOptions): Promise<MeResponse> {
    return this.request('GET', '/me', options);
  }

  listUsers(
    query: ListUsersQuery = {},
    options?: AegisRequestOptions,
  ): Promise<AegisUserPage> {
    return this.request('GET', `/users${toQueryString(query)}`, options);
  }

  getUser(
    userEntityRef: string,
    options?: AegisRequestOptions,
  ): Promise<AegisUser> {
    return this.request(
      'GET',
      `/users/${encodeURIComponent(userEntityRef)}`,
      options,
    );
  }

  createUser(
    request: CreateUserRequest,
    options?: AegisRequestOptions,
  ): Promise<AegisUser> {
    return this.request('POST', '/users', options, request);
  }

  updateUser(
    userEntityRef: string,
    request: UpdateUserRequest,
    options?: AegisRequestOptions,
  ): Promise<AegisUser> {
    return this.request(
      'PATCH',
      `/users/${encodeURIComponent(userEntityRef)}`,
      options,
      request,
    );
  }

  listTactics(
    query: { domain?: AttackDomain } = {},
    options?: AegisRequestOptions,
  ): Promise<{ items: Tactic[] }> {
    return this.request('GET', `/tactics${toQueryString(query)}`, options);
  }

  listTechniques(
    query: ListTechniquesQuery = {},
    options?: AegisRequestOptions,
  ): Promise<TechniquePage> {
    return this.request('GET', `/techniques${toQueryString(query)}`, options);
  }

  getTechnique(
    mitreId: string,
    options?: AegisRequestOptions,
  ): Promise<TechniqueDetail> {
    return this.request(
      'GET',
      `/techniques/${encodeURIComponent(mitreId)}`,
      options,
    );
  }

  syncAttack(options?: AegisRequestOptions): Promise<{ runs: SyncRun[] }> {
    return this.request('POST', '/system/sync-mitre', options);
  }

  listSyncRuns(
    query: { domain?: AttackDomain; limit?: number; offset?: number } = {},
    options?: AegisRequestOptions,
  ): Promise<SyncRunPage> {
    return this.request(
      'GET',
      `/system/sync-runs${toQueryString(query)}`,
      options,
    );
  }

  listTests(
    query: ListTestsQuery = {},
    options?: AegisRequestOptions,
  ): Promise<SecurityTestPage> {
    return this.request('GET', `/tests${toQueryString(query)}`, options);
  }

  getTest(id: string, options?: AegisRequestOptions): Promise<SecurityTest> {
    return this.request('GET', testPath(id), options);
  }

  createTest(
    request: CreateTestRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest> {
    return this.request('POST', '/tests', options, request);
  }

  updateTest(
    id: string,
    request: UpdateTestRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest> {
    return this.request('PATCH', testPath(id), options, request);
  }

  updateRed(
    id: string,
    request: UpdateRedRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest> {
    return this.request('PATCH', testPath(id, 'red'), options, request);
  }

  updateBlue(
    id: string,
    request: UpdateBlueRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest> {
    return this.request('PATCH', testPath(id, 'blue'), options, request);
  }

  updateRemediation(
    id: string,
    request: UpdateRemediationRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest> {
    return this.request('PATCH', testPath(id, 'remediation'), options, request);
  }

  transitionTest(
    id: string,
    action: TestAction,
    request: VoteRequest | { comment?: string } = {},
    options?: AegisRequestOptions,
  ): Promise<SecurityTest> {
    return this.request('POST', testPath(id, action), options, request);
  }

  getTestTimeline(
    id: string,
    options?: AegisRequestOptions,
  ): Promise<{ items: TimelineEntry[] }> {
    return this.request('GET', testPath(id, 'timeline'), options);
  }

  listEvidence(
    testId: string,
    options?: AegisRequestOptions,
  ): Promise<TestEvidence> {
    return this.request('GET', testPath(testId, 'evidence'), options);
  }

  getEvidence(id: string, options?: AegisRequestOptions): Promise<Evidence> {
    return this.request('GET', evidencePath(id), options);
  }

  async uploadEvidence(
    testId: string,
    team: EvidenceTeam,
    file: Blob & { name?: string },
    details: {
      description?: string;
      sha256?: string;
      onProgress?: (fraction: number) => void;
    } = {},
    options?: AegisRequestOptions,
  ): Promise<Evidence> {
    const form = new FormData();
    if (details.description) form.append('description', details.description);
    if (details.sha256) form.append('sha256', details.sha256);
    // The file goes last, so the fields before it are read first.
    form.append('file', file, file.name ?? 'evidence');
    const path = `${testPath(testId, 'evidence')}?team=${team}`;
    const response = await this.send('POST', path, options, form);
    details.onProgress?.(1);
    return (await response.json()) as Evidence;
  }

  verifyEvidence(
    id: string,
    options?: AegisRequestOptions,
  ): Promise<EvidenceVerification> {
    return this.request('POST', `${evidencePath(id)}/verify`, options);
  }

  async deleteEvidence(
    id: string,
    options?: AegisRequestOptions,
  ): Promise<void> {
    await this.send('DELETE', evidencePath(id), options);
  }

  async getEvidenceDownloadUrl(id: string): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aegis');
    return `${baseUrl}${evidencePath(id)}/content`;
  }

  async refreshDownloadCookie(options?: AegisRequestOptions): Promise<void> {
    await this.send('GET', '/.backstage/auth/v1/cookie', options);
  }

  listTemplates(
    query: ListTemplatesQuery = {},
    options?: AegisRequestOptions,
  ): Promise<TestTemplatePage> {
    return this.request('GET', `/templates${toQueryString(query)}`, options);
  }

  getTemplate(
    id: string,
    options?: AegisRequestOptions,
  ): Promise<TestTemplate> {
    return this.request('GET', templatePath(id), options);
  }

  createTemplate(
    request: CreateTemplateRequest,
    options?: AegisRequestOptions,
  ): Promise<TestTemplate> {
    return this.request('POST', '/templates', options, request);
  }

  updateTemplate(
    id: string,
    request: UpdateTemplateRequest,
    options?: AegisRequestOptions,
  ): Promise<TestTemplate> {
    return this.request('PATCH', templatePath(id), options, request);
  }

  createTestFromTemplate(
    id: string,
    request: CreateTestFromTemplateRequest = {},
    options?: AegisRequestOptions,
  ): Promise<SecurityTest> {
    return this.request('POST', `${templatePath(id)}/tests`, options, request);
  }

  getTemplateStats(
    options?: AegisRequestOptions,
  ): Promise<{ items: TemplateStats[] }> {
    return this.request('GET', '/templates/stats', options);
  }

  getMetricsSummary(
    query: Pick<CoverageFilter, 'domain'> = {},
    options?: AegisRequestOptions,
  ): Promise<MetricsSummary> {
    return this.request(
      'GET',
      `/metrics/summary${toQueryString(query)}`,
      options,
    );
  }

  getMetricsByTactic(
    query: Pick<CoverageFilter, 'domain' | 'platform'> = {},
    options?: AegisRequestOptions,
  ): Promise<MetricsByTactic> {
    return this.request(
      'GET',
      `/metrics/by-tactic${toQueryString(query)}`,
      options,
    );
  }

  getTestPipeline(options?: AegisRequestOptions): Promise<TestPipeline> {
    return this.request('GET', '/metrics/test-pipeline', options);
  }

  getTeamActivity(
    query: { from?: string; to?: string } = {},
    options?: AegisRequestOptions,
  ): Promise<TeamActivity> {
    return this.request(
      'GET',
      `/metrics/team-activity${toQueryString(query)}`,
      options,
    );
  }

  getValidationRate(
    query: { from?: string; to?: string } = {},
    options?: AegisRequestOptions,
  ): Promise<ValidationRate> {
    return this.request(
      'GET',
      `/metrics/validation-rate${toQueryString(query)}`,
      options,
    );
  }

  getRecentTests(options?: AegisRequestOptions): Promise<RecentTests> {
    return this.request('GET', '/metrics/recent-tests', options);
  }

  getCoverageTrend(
    query: { from?: string; to?: string } = {},
    options?: AegisRequestOptions,
  ): Promise<CoverageTrend> {
    return this.request(
      'GET',
      `/metrics/trend${toQueryString(query)}`,
      options,
    );
  }

  getCoverageReport(
    query: CoverageFilter = {},
    options?: AegisRequestOptions,
  ): Promise<CoverageReport> {
    return this.request(
      'GET',
      `/reports/coverage-summary${toQueryString(query)}`,
      options,
    );
  }

  getTestResultsReport(
    query: TestResultsReport['filters'] = {},
    options?: AegisRequestOptions,
  ): Promise<TestResultsReport> {
    return this.request(
      'GET',
      `/reports/test-results${toQueryString(query)}`,
      options,
    );
  }

  getRemediationReport(
    query: RemediationReport['filters'] = {},
    options?: AegisRequestOptions,
  ): Promise<RemediationReport> {
    return this.request(
      'GET',
      `/reports/remediation-status${toQueryString(query)}`,
      options,
    );
  }

  getEntityCoverage(
    entityRef: string,
    options?: AegisRequestOptions,
  ): Promise<EntityCoverage> {
    return this.request(
      'GET',
      `/coverage${toQueryString({ entityRef })}`,
      options,
    );
  }

  async getReportDownloadUrl(
    report:
      | 'coverage-csv'
      | 'test-results.csv'
      | 'remediation-status.csv'
      | 'navigator-layer',
    query: Record<string, string | undefined> = {},
  ): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aegis');
    return `${baseUrl}/reports/${report}${toQueryString(query)}`;
  }

  private async request<T>(
    method: string,
    path: string,
    options?: AegisRequestOptions,
    body?: unknown,
  ): Promise<T> {
    const response = await this.send(
      method,
      path,
      options,
      body === undefined ? undefined : JSON.stringify(body),
    );
    return (await response.json()) as T;
  }

  /** Sends a request and answers the response, or throws its error. */
  private async send(
    method: string,
    path: string,
    options?: AegisRequestOptions,
    body?: string | FormData,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aegis');
    const headers: Record<string, string> = {};
    if (options?.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    if (typeof body === 'string') {
      headers['Content-Type'] = 'application/json';
    }

    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body,
      credentials: 'include',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function templatePath(id: string): string {
  return `/templates/${encodeURIComponent(id)}`;
}

function evidencePath(id: string): string {
  return `/evidence/${encodeURIComponent(id)}`;
}

function testPath(id: string, part?: string): string {
  const path = `/tests/${encodeURIComponent(id)}`;
  return part ? `${path}/${part}` : path;
}

function toQueryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
