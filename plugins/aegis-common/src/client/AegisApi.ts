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

/**
 * Options of a single request: a Backstage token for callers outside the
 * frontend, whose fetch does not add one.
 *
 * @public
 */
export interface AegisRequestOptions {
  token?: string;
}

/**
 * The Aegis REST API, as used by the frontend plugin and by automation.
 *
 * @public
 */
export interface AegisApi {
  getHealth(options?: AegisRequestOptions): Promise<HealthResponse>;
  getMe(options?: AegisRequestOptions): Promise<MeResponse>;
  listUsers(
    query?: ListUsersQuery,
    options?: AegisRequestOptions,
  ): Promise<AegisUserPage>;
  getUser(
    userEntityRef: string,
    options?: AegisRequestOptions,
  ): Promise<AegisUser>;
  createUser(
    request: CreateUserRequest,
    options?: AegisRequestOptions,
  ): Promise<AegisUser>;
  updateUser(
    userEntityRef: string,
    request: UpdateUserRequest,
    options?: AegisRequestOptions,
  ): Promise<AegisUser>;
  listTactics(
    query?: { domain?: AttackDomain },
    options?: AegisRequestOptions,
  ): Promise<{ items: Tactic[] }>;
  listTechniques(
    query?: ListTechniquesQuery,
    options?: AegisRequestOptions,
  ): Promise<TechniquePage>;
  getTechnique(
    mitreId: string,
    options?: AegisRequestOptions,
  ): Promise<TechniqueDetail>;
  syncAttack(options?: AegisRequestOptions): Promise<{ runs: SyncRun[] }>;
  listSyncRuns(
    query?: { domain?: AttackDomain; limit?: number; offset?: number },
    options?: AegisRequestOptions,
  ): Promise<SyncRunPage>;
  listTests(
    query?: ListTestsQuery,
    options?: AegisRequestOptions,
  ): Promise<SecurityTestPage>;
  getTest(id: string, options?: AegisRequestOptions): Promise<SecurityTest>;
  createTest(
    request: CreateTestRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest>;
  updateTest(
    id: string,
    request: UpdateTestRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest>;
  updateRed(
    id: string,
    request: UpdateRedRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest>;
  updateBlue(
    id: string,
    request: UpdateBlueRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest>;
  updateRemediation(
    id: string,
    request: UpdateRemediationRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest>;
  /**
   * Asks for a state change; votes (`validate-red`, `validate-blue`) carry a
   * {@link VoteRequest}, a reopen may carry a comment.
   */
  transitionTest(
    id: string,
    action: TestAction,
    request?: VoteRequest | { comment?: string },
    options?: AegisRequestOptions,
  ): Promise<SecurityTest>;
  getTestTimeline(
    id: string,
    options?: AegisRequestOptions,
  ): Promise<{ items: TimelineEntry[] }>;
  listEvidence(
    testId: string,
    options?: AegisRequestOptions,
  ): Promise<TestEvidence>;
  getEvidence(id: string, options?: AegisRequestOptions): Promise<Evidence>;
  /**
   * Uploads one file as multipart form data. `sha256` (hex), when given, is
   * checked by the backend; `onProgress` receives the fraction sent.
   */
  uploadEvidence(
    testId: string,
    team: EvidenceTeam,
    file: Blob & { name?: string },
    details?: {
      description?: string;
      sha256?: string;
      onProgress?: (fraction: number) => void;
    },
    options?: AegisRequestOptions,
  ): Promise<Evidence>;
  verifyEvidence(
    id: string,
    options?: AegisRequestOptions,
  ): Promise<EvidenceVerification>;
  deleteEvidence(id: string, options?: AegisRequestOptions): Promise<void>;
  /**
   * The URL that downloads a file's content; a browser link to it works once
   * {@link AegisApi.refreshDownloadCookie} has set the user's cookie.
   */
  getEvidenceDownloadUrl(id: string): Promise<string>;
  /** Sets the cookie that lets browser links download evidence. */
  refreshDownloadCookie(options?: AegisRequestOptions): Promise<void>;
  listTemplates(
    query?: ListTemplatesQuery,
    options?: AegisRequestOptions,
  ): Promise<TestTemplatePage>;
  getTemplate(id: string, options?: AegisRequestOptions): Promise<TestTemplate>;
  createTemplate(
    request: CreateTemplateRequest,
    options?: AegisRequestOptions,
  ): Promise<TestTemplate>;
  updateTemplate(
    id: string,
    request: UpdateTemplateRequest,
    options?: AegisRequestOptions,
  ): Promise<TestTemplate>;
  createTestFromTemplate(
    id: string,
    request?: CreateTestFromTemplateRequest,
    options?: AegisRequestOptions,
  ): Promise<SecurityTest>;
  getTemplateStats(
    options?: AegisRequestOptions,
  ): Promise<{ items: TemplateStats[] }>;

  getMetricsSummary(
    query?: Pick<CoverageFilter, 'domain'>,
    options?: AegisRequestOptions,
  ): Promise<MetricsSummary>;
  getMetricsByTactic(
    query?: Pick<CoverageFilter, 'domain' | 'platform'>,
    options?: AegisRequestOptions,
  ): Promise<MetricsByTactic>;
  getTestPipeline(options?: AegisRequestOptions): Promise<TestPipeline>;
  getTeamActivity(
    query?: { from?: string; to?: string },
    options?: AegisRequestOptions,
  ): Promise<TeamActivity>;
  getValidationRate(
    query?: { from?: string; to?: string },
    options?: AegisRequestOptions,
  ): Promise<ValidationRate>;
  getRecentTests(options?: AegisRequestOptions): Promise<RecentTests>;
  getCoverageTrend(
    query?: { from?: string; to?: string },
    options?: AegisRequestOptions,
  ): Promise<CoverageTrend>;
  getCoverageReport(
    query?: CoverageFilter,
    options?: AegisRequestOptions,
  ): Promise<CoverageReport>;
  getTestResultsReport(
    query?: TestResultsReport['filters'],
    options?: AegisRequestOptions,
  ): Promise<TestResultsReport>;
  getRemediationReport(
    query?: RemediationReport['filters'],
    options?: AegisRequestOptions,
  ): Promise<RemediationReport>;
  /** Coverage of the techniques tested against a catalog entity. */
  getEntityCoverage(
    entityRef: string,
    options?: AegisRequestOptions,
  ): Promise<EntityCoverage>;
  /**
   * The URL of a report download (CSV or Navigator layer); the browser
   * fetches it with the user's cookie, see {@link AegisApi.refreshDownloadCookie}.
   */
  getReportDownloadUrl(
    report:
      | 'coverage-csv'
      | 'test-results.csv'
      | 'remediation-status.csv'
      | 'navigator-layer',
    query?: Record<string, string | undefined>,
  ): Promise<string>;
}
