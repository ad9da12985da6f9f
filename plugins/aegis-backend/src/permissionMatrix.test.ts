import request from 'supertest';
import {
  AUTOMATION_TOKEN,
  startAegisPortal,
} from './__testUtils__/startAegisPortal';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

/**
 * Who calls: the six demo users, a caller without credentials, and an
 * automation token restricted to the read-only permissions of the README.
 */
const CALLERS = [
  'admin',
  'red_tech',
  'blue_tech',
  'red_lead',
  'blue_lead',
  'viewer',
  'anonymous',
  'automation',
] as const;
type Caller = (typeof CALLERS)[number];

const DEMO_USER: Record<Caller, string | undefined> = {
  admin: 'ada.admin',
  red_tech: 'rex.redtech',
  blue_tech: 'bea.bluetech',
  red_lead: 'rosa.redlead',
  blue_lead: 'bo.bluelead',
  viewer: 'vic.viewer',
  anonymous: undefined,
  automation: undefined,
};

/**
 * Draft tests created by the red tech for the workflow rows, one per row
 * that changes a test and per caller, so that no cell sees another's change.
 */
const DRAFT_ROWS = [
  'read',
  'general',
  'red',
  'remediation',
  'start',
  'upload',
  'delete',
] as const;
const drafts = new Map<string, string>();
const draft = (row: (typeof DRAFT_ROWS)[number]) => (caller: Caller) =>
  `/tests/${drafts.get(`${row}:${caller}`)}`;
/** A red file on each caller's 'delete' draft, and one on their 'read' draft. */
const evidence = new Map<string, string>();
const file = (row: 'read' | 'delete') => (caller: Caller) =>
  `/evidence/${evidence.get(`${row}:${caller}`)}`;

/** A template per caller for the rows that change one, and a shared one. */
const templates = new Map<string, string>();
const template = (row: 'read' | 'update') => (caller: Caller) =>
  `/templates/${templates.get(row === 'read' ? 'read' : `update:${caller}`)}`;
const TEMPLATE_BODY = {
  name: 'Matrix template',
  techniques: ['T1059'],
  platform: 'Linux',
  severity: 'low',
};

/** Every lead's vote is sent in full, so that only who and when decide. */
const VOTE = {
  decision: 'approve',
  comment: 'matrix',
  overrideReason: 'matrix override',
};

type Endpoint = {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** The path, or a path per caller where each needs its own target. */
  path: string | ((caller: Caller) => string);
  body?: (caller: Caller) => object;
  /** Sends a small file as a multipart upload instead of a JSON body. */
  upload?: boolean;
  /** The permission a 403 must name, where a permission decides. */
  permission?: string;
};

/**
 * Expected status per endpoint, in the order of CALLERS:
 * admin, red_tech, blue_tech, red_lead, blue_lead, viewer, anonymous, automation.
 */
const MATRIX: Array<[string, Endpoint, number[]]> = [
  [
    'health',
    { method: 'get', path: '/health' },
    [200, 200, 200, 200, 200, 200, 200, 200],
  ],
  [
    'OpenAPI document',
    { method: 'get', path: '/openapi.json' },
    [200, 200, 200, 200, 200, 200, 200, 200],
  ],
  [
    'signed-in user',
    { method: 'get', path: '/me' },
    [200, 200, 200, 200, 200, 200, 401, 403],
  ],
  [
    'audit log',
    { method: 'get', path: '/audit-log', permission: 'aegis.audit.read' },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'list users',
    { method: 'get', path: '/users', permission: 'aegis.user.read' },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'get a user',
    {
      method: 'get',
      path: '/users/user:default%2Fvic.viewer',
      permission: 'aegis.user.read',
    },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'bind roles to a new user',
    {
      method: 'post',
      path: '/users',
      body: caller => ({
        userEntityRef: `user:default/spare.${caller}`,
        roles: ['viewer'],
      }),
      permission: 'aegis.user.create',
    },
    [201, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'change roles',
    {
      method: 'patch',
      path: '/users/user:default%2Fvic.viewer',
      body: () => ({ roles: ['viewer'] }),
      permission: 'aegis.user.update',
    },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'list tactics',
    { method: 'get', path: '/tactics', permission: 'aegis.technique.read' },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'list techniques',
    {
      method: 'get',
      path: '/techniques?tactic=execution',
      permission: 'aegis.technique.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'get a technique',
    {
      method: 'get',
      path: '/techniques/T1059',
      permission: 'aegis.technique.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'create a custom technique',
    {
      method: 'post',
      path: '/techniques',
      body: caller => ({ name: `Matrix ${caller}`, tactics: ['execution'] }),
      permission: 'aegis.technique.create',
    },
    [201, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'flag a technique for review',
    {
      method: 'patch',
      path: '/techniques/T1059',
      body: () => ({ reviewRequired: true, reviewNote: 'matrix' }),
      permission: 'aegis.technique.update',
    },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'mark a technique reviewed',
    {
      method: 'patch',
      path: '/techniques/T1059/review',
      body: () => ({ note: 'matrix' }),
      permission: 'aegis.technique.review',
    },
    [200, 403, 403, 200, 200, 403, 401, 403],
  ],
  [
    'sync ATT&CK now',
    {
      method: 'post',
      path: '/system/sync-mitre',
      permission: 'aegis.attack.sync',
    },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'sync from an uploaded bundle',
    {
      method: 'post',
      path: '/system/attack-bundle?domain=enterprise-attack',
      upload: true,
      permission: 'aegis.attack.sync',
    },
    [400, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'list sync runs',
    {
      method: 'get',
      path: '/system/sync-runs',
      permission: 'aegis.system.read',
    },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'list security tests',
    { method: 'get', path: '/tests', permission: 'aegis.test.read' },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'create a security test',
    {
      method: 'post',
      path: '/tests',
      body: () => ({
        title: 'Matrix check',
        techniques: ['T1059'],
        platform: 'Windows',
        severity: 'low',
      }),
      permission: 'aegis.test.create',
    },
    [201, 201, 403, 403, 403, 403, 401, 403],
  ],
  [
    'get a security test',
    { method: 'get', path: draft('read'), permission: 'aegis.test.read' },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'timeline of a security test',
    {
      method: 'get',
      path: caller => `${draft('read')(caller)}/timeline`,
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    "edit a draft's general fields (the red tech created them all)",
    {
      method: 'patch',
      path: draft('general'),
      body: () => ({ title: 'Edited', version: 1 }),
      permission: 'aegis.test.update',
    },
    [200, 200, 403, 403, 403, 403, 401, 403],
  ],
  [
    "edit a draft's red fields",
    {
      method: 'patch',
      path: caller => `${draft('red')(caller)}/red`,
      body: () => ({ notes: 'matrix', version: 1 }),
      permission: 'aegis.test.red.update',
    },
    [200, 200, 403, 403, 403, 403, 401, 403],
  ],
  [
    "edit a draft's blue fields (closed until red submits: 409)",
    {
      method: 'patch',
      path: caller => `${draft('read')(caller)}/blue`,
      body: () => ({ notes: 'matrix', version: 1 }),
      permission: 'aegis.test.blue.update',
    },
    [409, 403, 409, 403, 403, 403, 401, 403],
  ],
  [
    'edit the remediation',
    {
      method: 'patch',
      path: caller => `${draft('remediation')(caller)}/remediation`,
      body: () => ({ status: 'open', version: 1 }),
      permission: 'aegis.test.remediation.update',
    },
    [200, 200, 200, 200, 200, 403, 401, 403],
  ],
  [
    'start execution',
    {
      method: 'post',
      path: caller => `${draft('start')(caller)}/start-execution`,
      permission: 'aegis.test.red.execute',
    },
    [200, 200, 403, 403, 403, 403, 401, 403],
  ],
  [
    'submit red on a draft (409 when allowed)',
    {
      method: 'post',
      path: caller => `${draft('read')(caller)}/submit-red`,
      permission: 'aegis.test.red.submit',
    },
    [409, 409, 403, 403, 403, 403, 401, 403],
  ],
  [
    'submit blue on a draft (409 when allowed)',
    {
      method: 'post',
      path: caller => `${draft('read')(caller)}/submit-blue`,
      permission: 'aegis.test.blue.submit',
    },
    [409, 403, 409, 403, 403, 403, 401, 403],
  ],
  [
    'vote on the red side of a draft (409 when allowed)',
    {
      method: 'post',
      path: caller => `${draft('read')(caller)}/validate-red`,
      body: () => VOTE,
      permission: 'aegis.test.red.validate',
    },
    [409, 403, 403, 409, 403, 403, 401, 403],
  ],
  [
    'vote on the blue side of a draft (409 when allowed)',
    {
      method: 'post',
      path: caller => `${draft('read')(caller)}/validate-blue`,
      body: () => VOTE,
      permission: 'aegis.test.blue.validate',
    },
    [409, 403, 403, 403, 409, 403, 401, 403],
  ],
  [
    'reopen a draft (409 when allowed)',
    {
      method: 'post',
      path: caller => `${draft('read')(caller)}/reopen`,
      permission: 'aegis.test.reopen',
    },
    [409, 403, 403, 409, 409, 403, 401, 403],
  ],
  [
    "list a test's evidence",
    {
      method: 'get',
      path: caller => `${draft('read')(caller)}/evidence`,
      permission: 'aegis.evidence.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'upload red evidence to a draft',
    {
      method: 'post',
      path: caller => `${draft('upload')(caller)}/evidence?team=red`,
      upload: true,
      permission: 'aegis.evidence.red.upload',
    },
    [201, 201, 403, 403, 403, 403, 401, 403],
  ],
  [
    "upload blue evidence to a draft (409 when allowed: not blue's phase)",
    {
      method: 'post',
      path: caller => `${draft('upload')(caller)}/evidence?team=blue`,
      upload: true,
      permission: 'aegis.evidence.blue.upload',
    },
    [409, 403, 409, 403, 403, 403, 401, 403],
  ],
  [
    'evidence metadata',
    { method: 'get', path: file('read'), permission: 'aegis.evidence.read' },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'download evidence',
    {
      method: 'get',
      path: caller => `${file('read')(caller)}/content`,
      permission: 'aegis.evidence.download',
    },
    [200, 200, 200, 200, 200, 403, 401, 403],
  ],
  [
    'presigned download URL (409 when allowed: off in this portal)',
    {
      method: 'get',
      path: caller => `${file('read')(caller)}/download-url`,
      permission: 'aegis.evidence.download',
    },
    [409, 409, 409, 409, 409, 403, 401, 403],
  ],
  [
    'verify evidence',
    {
      method: 'post',
      path: caller => `${file('read')(caller)}/verify`,
      permission: 'aegis.evidence.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'delete evidence (the red tech uploaded it)',
    { method: 'delete', path: file('delete') },
    [204, 204, 403, 403, 403, 403, 401, 403],
  ],
  [
    'list templates',
    { method: 'get', path: '/templates', permission: 'aegis.template.read' },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'get a template',
    {
      method: 'get',
      path: template('read'),
      permission: 'aegis.template.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'create a template',
    {
      method: 'post',
      path: '/templates',
      body: () => TEMPLATE_BODY,
      permission: 'aegis.template.create',
    },
    [201, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'update a template',
    {
      method: 'patch',
      path: template('update'),
      body: () => ({ name: 'Renamed', version: 1 }),
      permission: 'aegis.template.update',
    },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'create a test from a template',
    {
      method: 'post',
      path: caller => `${template('read')(caller)}/tests`,
      permission: 'aegis.test.create',
    },
    [201, 201, 403, 403, 403, 403, 401, 403],
  ],
  [
    'template usage',
    {
      method: 'get',
      path: '/templates/stats',
      permission: 'aegis.template.stats.read',
    },
    [200, 403, 403, 403, 403, 403, 401, 403],
  ],
  [
    'coverage summary',
    {
      method: 'get',
      path: '/metrics/summary',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'coverage by tactic',
    {
      method: 'get',
      path: '/metrics/by-tactic',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'test pipeline',
    {
      method: 'get',
      path: '/metrics/test-pipeline',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'team activity',
    {
      method: 'get',
      path: '/metrics/team-activity',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'validation rates',
    {
      method: 'get',
      path: '/metrics/validation-rate',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'recent tests',
    {
      method: 'get',
      path: '/metrics/recent-tests',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'coverage trend',
    { method: 'get', path: '/metrics/trend', permission: 'aegis.report.read' },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    "a service's coverage",
    {
      method: 'get',
      path: '/coverage?entityRef=component:default/payments-api',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'the catalog feed of techniques',
    {
      method: 'get',
      path: '/catalog/techniques',
      permission: 'aegis.technique.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'coverage report',
    {
      method: 'get',
      path: '/reports/coverage-summary',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'coverage CSV',
    {
      method: 'get',
      path: '/reports/coverage-csv',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'test results report',
    {
      method: 'get',
      path: '/reports/test-results',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'test results CSV',
    {
      method: 'get',
      path: '/reports/test-results.csv',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'remediation report',
    {
      method: 'get',
      path: '/reports/remediation-status',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'remediation CSV',
    {
      method: 'get',
      path: '/reports/remediation-status.csv',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'ATT&CK Navigator layer',
    {
      method: 'get',
      path: '/reports/navigator-layer',
      permission: 'aegis.report.read',
    },
    [200, 200, 200, 200, 200, 200, 401, 200],
  ],
  [
    'role look-up for the permission policy',
    {
      method: 'get',
      path: '/policy/roles?userEntityRef=user:default/ada.admin',
    },
    [403, 403, 403, 403, 403, 403, 401, 403],
  ],
];

/** The status, and for a denial by a permission, a message naming it. */
function expectedResponse(status: number, permission?: string) {
  if (status !== 403 || !permission) {
    return { status };
  }
  return {
    status,
    body: { error: { message: expect.stringContaining(permission) } },
  };
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'who may call each endpoint, on %p',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startAegisPortal>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      portal = await startAegisPortal({
        knex,
        extraUsers: CALLERS.map(caller => `spare.${caller}`),
      });
      // The techniques the technique rows read.
      await request(portal.server)
        .post('/api/aegis/system/sync-mitre')
        .set('Authorization', `Bearer ${await portal.userToken('ada.admin')}`)
        .expect(200);
      const admin = await portal.userToken('ada.admin');
      for (const key of [
        'read',
        ...CALLERS.map(caller => `update:${caller}`),
      ]) {
        const created = await request(portal.server)
          .post('/api/aegis/templates')
          .set('Authorization', `Bearer ${admin}`)
          .send(TEMPLATE_BODY)
          .expect(201);
        templates.set(key, created.body.id);
      }
      const redTech = await portal.userToken('rex.redtech');
      for (const row of DRAFT_ROWS) {
        for (const caller of CALLERS) {
          const created = await request(portal.server)
            .post('/api/aegis/tests')
            .set('Authorization', `Bearer ${redTech}`)
            .send({
              title: `Matrix ${row} ${caller}`,
              techniques: ['T1059'],
              platform: 'Linux',
              severity: 'low',
            })
            .expect(201);
          drafts.set(`${row}:${caller}`, created.body.id);
          if (row === 'read' || row === 'delete') {
            const uploaded = await request(portal.server)
              .post(`/api/aegis/tests/${created.body.id}/evidence?team=red`)
              .set('Authorization', `Bearer ${redTech}`)
              .attach('file', Buffer.from('matrix'), 'matrix.txt')
              .expect(201);
            evidence.set(`${row}:${caller}`, uploaded.body.id);
          }
        }
      }
    });

    async function authorizationOf(caller: Caller) {
      if (caller === 'automation') {
        return `Bearer ${AUTOMATION_TOKEN}`;
      }
      const user = DEMO_USER[caller];
      return user ? `Bearer ${await portal.userToken(user)}` : undefined;
    }

    const cells = MATRIX.flatMap(([name, endpoint, statuses]) =>
      CALLERS.map(
        (caller, index) => [name, caller, endpoint, statuses[index]] as const,
      ),
    );

    it.each(cells)(
      '%s as %s',
      async (_name, caller, endpoint, expectedStatus) => {
        const path =
          typeof endpoint.path === 'function'
            ? endpoint.path(caller)
            : endpoint.path;
        let call = request(portal.server)[endpoint.method](`/api/aegis${path}`);
        const authorization = await authorizationOf(caller);
        if (authorization) {
          call = call.set('Authorization', authorization);
        }
        if (endpoint.body) {
          call = call.send(endpoint.body(caller));
        }
        if (endpoint.upload) {
          call = call.attach('file', Buffer.from('matrix'), 'matrix.txt');
        }

        const response = await call;

        expect({ status: response.status, body: response.body }).toMatchObject(
          expectedResponse(expectedStatus, endpoint.permission),
        );
      },
    );
  },
);
