import type {
  AegisApi,
  AegisUser,
  Evidence,
  ListTestsQuery,
  ListUsersQuery,
  MeResponse,
  SecurityTest,
  Tactic,
  TestEvidence,
  Technique,
  TestTemplate,
} from '@aegis-security/plugin-aegis-common';
import { responseError } from './responseError';
import {
  sampleSyncRun,
  sampleTactics,
  sampleTechniques,
  techniqueDetail,
  techniquePage,
} from './sampleAttack';
import {
  sampleByTactic,
  sampleCoverageReport,
  sampleEntityCoverage,
  samplePipeline,
  sampleRecentTests,
  sampleRemediation,
  sampleSummary,
  sampleTeamActivity,
  sampleTestResults,
  sampleTrend,
  sampleValidationRate,
} from './sampleCoverage';
import { sampleEvidence } from './sampleEvidence';
import {
  sampleTemplates,
  sampleTemplateStats,
  templatePage,
} from './sampleTemplates';
import { sampleTests, summaryOf } from './sampleTests';

/** Users known to the fake backend: one from config, one assigned, one off. */
export const sampleUsers: AegisUser[] = [
  {
    userEntityRef: 'user:default/rita.red',
    displayName: 'Rita Red',
    email: 'rita@example.com',
    active: true,
    roles: [
      {
        role: 'red_lead',
        sources: [{ type: 'config', via: 'group:default/red-team' }],
      },
      { role: 'red_tech', sources: [{ type: 'binding' }] },
    ],
    boundRoles: ['red_tech'],
  },
  {
    userEntityRef: 'user:default/vic.viewer',
    active: true,
    roles: [{ role: 'viewer', sources: [{ type: 'default' }] }],
    boundRoles: [],
  },
  {
    userEntityRef: 'user:default/gone.user',
    displayName: 'Gone User',
    active: false,
    roles: [],
    boundRoles: ['blue_tech'],
  },
];

function matches(user: AegisUser, query: ListUsersQuery) {
  const text = [user.userEntityRef, user.displayName, user.email]
    .join(' ')
    .toLocaleLowerCase('en-US');
  return (
    (!query.role || user.roles.some(r => r.role === query.role)) &&
    (!query.search || text.includes(query.search.toLocaleLowerCase('en-US')))
  );
}

/** What the fake backend answers, and how its health check fails. */
export interface FakeAegisOptions {
  healthFailure?: Error;
  me?: Partial<MeResponse>;
  users?: AegisUser[];
  tactics?: Tactic[];
  techniques?: Technique[];
  tests?: SecurityTest[];
  evidence?: Evidence[];
  /** What the caller may do with evidence; by default download only. */
  evidenceAccess?: Pick<TestEvidence, 'canUpload' | 'canDownload'>;
  templates?: TestTemplate[];
}

/** Only the state filter: enough for the pages, no more backend logic. */
function listedTests(tests: SecurityTest[], query: ListTestsQuery) {
  const states = query.state?.split(',');
  const items = tests
    .filter(test => !states || states.includes(test.state))
    .map(summaryOf);
  return { items, total: items.length };
}

/**
 * An Aegis API over sample data whose methods are Jest mocks, so tests can
 * check calls and make single answers fail.
 */
export function fakeAegisApi(
  options: FakeAegisOptions = {},
): jest.Mocked<AegisApi> {
  const users = options.users ?? sampleUsers;
  const tactics = options.tactics ?? sampleTactics;
  const techniques = options.techniques ?? sampleTechniques;
  const tests = options.tests ?? sampleTests;
  const findTest = async (id: string) => {
    const test = tests.find(t => t.id === id);
    if (!test) throw await responseError(404, 'Not Found', `no test ${id}`);
    return test;
  };
  const updated = async (
    id: string,
    fields: Partial<SecurityTest> = {},
  ): Promise<SecurityTest> => {
    const test = await findTest(id);
    return { ...test, ...fields, version: test.version + 1 };
  };
  const evidence = options.evidence ?? sampleEvidence;
  const evidenceAccess = options.evidenceAccess ?? {
    canUpload: { red: false, blue: false },
    canDownload: true,
  };
  const findEvidence = async (id: string) => {
    const found = evidence.find(e => e.id === id);
    if (!found)
      throw await responseError(404, 'Not Found', `no evidence ${id}`);
    return found;
  };
  const templates = options.templates ?? sampleTemplates;
  const findTemplate = async (id: string) => {
    const found = templates.find(t => t.id === id);
    if (!found) {
      throw await responseError(404, 'Not Found', `no template ${id}`);
    }
    return found;
  };
  const find = (ref: string) => {
    const user = users.find(u => u.userEntityRef === ref);
    if (!user) throw new Error(`no user ${ref}`);
    return user;
  };

  return {
    getHealth: jest.fn(async () => {
      if (options.healthFailure) throw options.healthFailure;
      return { status: 'ok' as const };
    }),
    getMe: jest.fn(async () => ({
      userEntityRef: 'user:default/vic.viewer',
      active: true,
      roles: ['viewer' as const],
      permissions: {},
      ...options.me,
    })),
    listUsers: jest.fn(async (query: ListUsersQuery = {}) => {
      const items = users.filter(user => matches(user, query));
      return { items, total: items.length, limit: 20, offset: 0 };
    }),
    getUser: jest.fn(async (ref: string) => find(ref)),
    createUser: jest.fn(async request => ({
      userEntityRef: request.userEntityRef,
      active: true,
      roles: request.roles.map(role => ({
        role,
        sources: [{ type: 'binding' as const }],
      })),
      boundRoles: request.roles,
    })),
    updateUser: jest.fn(async (ref, request) => ({
      ...find(ref),
      boundRoles: request.roles ?? find(ref).boundRoles,
      active: request.active ?? find(ref).active,
    })),
    listTactics: jest.fn(async (query = {}) => ({
      items: tactics.filter(t => !query.domain || t.domain === query.domain),
    })),
    listTechniques: jest.fn(async (query = {}) =>
      techniquePage(techniques, query),
    ),
    getTechnique: jest.fn(async (mitreId: string) =>
      techniqueDetail(techniques, mitreId),
    ),
    syncAttack: jest.fn(async () => ({ runs: [sampleSyncRun] })),
    listSyncRuns: jest.fn(async () => ({
      items: [sampleSyncRun],
      total: 1,
      limit: 20,
      offset: 0,
    })),
    listTests: jest.fn(async (query = {}) => listedTests(tests, query)),
    getTest: jest.fn(findTest),
    createTest: jest.fn(async request => ({
      ...tests[0],
      ...request,
      id: 'test-new',
      version: 1,
    })),
    updateTest: jest.fn(async (id, { version, ...fields }) =>
      updated(id, fields),
    ),
    updateRed: jest.fn(async (id, _request) => updated(id)),
    updateBlue: jest.fn(async (id, _request) => updated(id)),
    updateRemediation: jest.fn(async (id, _request) => updated(id)),
    transitionTest: jest.fn(async (id, _action) => updated(id)),
    getTestTimeline: jest.fn(async (_id: string) => ({
      items: [
        {
          id: 1,
          occurredAt: '2026-03-01T09:00:00Z',
          actor: 'user:default/rita.red',
          action: 'test.create',
        },
        {
          id: 2,
          occurredAt: '2026-03-03T10:30:00Z',
          actor: 'user:default/rita.red',
          action: 'test.submit-red',
          before: { state: 'red_executing' },
          after: { state: 'blue_evaluating' },
        },
      ],
    })),
    listEvidence: jest.fn(async (testId: string) => {
      const ofTest = evidence.filter(e => e.testId === testId);
      return {
        red: ofTest.filter(e => e.team === 'red'),
        blue: ofTest.filter(e => e.team === 'blue'),
        ...evidenceAccess,
      };
    }),
    getEvidence: jest.fn(findEvidence),
    uploadEvidence: jest.fn(async (testId, team, file, details = {}) => ({
      ...sampleEvidence[0],
      id: 'ev-new',
      testId,
      team,
      filename: file.name ?? 'evidence',
      size: file.size,
      description: details.description,
    })),
    verifyEvidence: jest.fn(async (id: string) => {
      const found = await findEvidence(id);
      return {
        id,
        match: true,
        expectedSha256: found.sha256,
        actualSha256: found.sha256,
        size: found.size,
        verifiedAt: '2026-03-06T09:00:00Z',
      };
    }),
    deleteEvidence: jest.fn(async (id: string) => {
      await findEvidence(id);
    }),
    getEvidenceDownloadUrl: jest.fn(
      async (id: string) =>
        `http://localhost:7007/api/aegis/evidence/${id}/content`,
    ),
    refreshDownloadCookie: jest.fn(async () => {}),
    listTemplates: jest.fn(async (query = {}) =>
      templatePage(templates, query),
    ),
    getTemplate: jest.fn(findTemplate),
    createTemplate: jest.fn(async request => ({
      ...sampleTemplates[0],
      description: '',
      procedure: '',
      tools: [],
      expectedDetection: '',
      tags: [],
      ...request,
      id: 'tpl-new',
      active: true,
      version: 1,
    })),
    updateTemplate: jest.fn(async (id, { version, ...fields }) => {
      const found = await findTemplate(id);
      if (version !== found.version) {
        throw await responseError(
          409,
          'Conflict',
          `template ${id} is at version ${found.version}, not ${version}`,
        );
      }
      return { ...found, ...fields, version: found.version + 1 };
    }),
    createTestFromTemplate: jest.fn(async (id, request = {}) => {
      const found = await findTemplate(id);
      return {
        ...tests[0],
        id: 'test-from-template',
        title: request.title ?? found.name,
        techniques: found.techniques,
        templateId: id,
        targets: request.targets ?? [],
        blind: request.blind ?? false,
        version: 1,
      };
    }),
    getTemplateStats: jest.fn(async () => ({ items: sampleTemplateStats })),
    getMetricsSummary: jest.fn(async () => sampleSummary),
    getMetricsByTactic: jest.fn(async () => sampleByTactic),
    getTestPipeline: jest.fn(async () => samplePipeline),
    getTeamActivity: jest.fn(async (query = {}) => ({
      ...sampleTeamActivity,
      ...query,
    })),
    getValidationRate: jest.fn(async (query = {}) => ({
      ...sampleValidationRate,
      ...query,
    })),
    getRecentTests: jest.fn(async () => sampleRecentTests),
    getCoverageTrend: jest.fn(async () => sampleTrend),
    getCoverageReport: jest.fn(async (query = {}) => ({
      ...sampleCoverageReport,
      filters: query,
    })),
    getTestResultsReport: jest.fn(async (query = {}) => ({
      ...sampleTestResults,
      filters: query,
    })),
    getRemediationReport: jest.fn(async (query = {}) => ({
      ...sampleRemediation,
      filters: query,
    })),
    getEntityCoverage: jest.fn(async (entityRef: string) =>
      sampleEntityCoverage(entityRef),
    ),
    getReportDownloadUrl: jest.fn(async (report, query = {}) => {
      const params = new URLSearchParams();
      Object.entries(query).forEach(([key, value]) => {
        if (value) params.set(key, value);
      });
      const search = params.toString();
      return `http://localhost:7007/api/aegis/reports/${report}${
        search ? `?${search}` : ''
      }`;
    }),
  };
}
