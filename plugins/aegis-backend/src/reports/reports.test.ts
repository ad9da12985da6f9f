import {
  CoverageReport,
  RemediationReport,
  TechniqueCoverage,
  TestResultsReport,
} from '@aegis-security/plugin-aegis-common';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { portalRequests } from '../__testUtils__/portalRequests';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { navigatorLayerSchema } from './navigatorLayerSchema';

jest.setTimeout(180_000);

const ADMIN = 'ada.admin';
const RED = 'rex.redtech';
const BLUE = 'bea.bluetech';
const RED_LEAD = 'rosa.redlead';
const BLUE_LEAD = 'bo.bluelead';
const VIEWER = 'vic.viewer';
/** A signed-in user with no Aegis role. */
const NOBODY = 'nora.nobody';

const ref = (name: string) => `user:default/${name}`;

/** A title a spreadsheet would run, with everything CSV must quote. */
const HOSTILE_TITLE = `=cmd|' /C calc'!A0, "quoted"\nDétection – é`;

const REPORT_PATHS = [
  '/reports/coverage-summary',
  '/reports/coverage-csv',
  '/reports/test-results',
  '/reports/test-results.csv',
  '/reports/remediation-status',
  '/reports/remediation-status.csv',
  '/reports/navigator-layer',
];

const databases = createTestDatabases();

/** A CSV body, BOM dropped, as rows of cells. */
function csvRows(text: string): string[][] {
  return parse(text, { bom: true });
}

/** CSV rows as objects keyed by the header. */
function csvRecords(text: string): Array<Record<string, string>> {
  return parse(text, { bom: true, columns: true });
}

describe.each(databases.eachSupportedId())('reports, on %p', databaseId => {
  let portal: Awaited<ReturnType<typeof startAegisPortal>>;
  const { signIn, api, token } = portalRequests(() => portal);
  const get = (path: string, user: string) => api('get', path, user);

  /** Ids of the tests the scenario made, by their role in it. */
  const ids = {} as Record<'alerted' | 'gap' | 'rejected' | 'blind', string>;
  let today: string;

  async function create(body: object) {
    const created = await api('post', '/tests', RED)
      .send({ severity: 'high', ...body })
      .expect(201);
    return created.body.id as string;
  }

  async function version(id: string, user = ADMIN) {
    return (await get(`/tests/${id}`, user).expect(200)).body.version;
  }

  /** Red executes and submits with evidence; blue records its controls. */
  async function runToReview(id: string, result: string) {
    await api('post', `/tests/${id}/start-execution`, RED).expect(200);
    await api('patch', `/tests/${id}/red`, RED)
      .send({
        version: await version(id),
        executedAt: '2026-12-01T10:00:00Z',
        commands: 'run it',
        result: 'it ran',
      })
      .expect(200);
    await request(portal.server)
      .post(`/api/aegis/tests/${id}/evidence?team=red`)
      .set('Authorization', `Bearer ${token(RED)}`)
      .attach('file', Buffer.from('proof'), 'proof.log')
      .expect(201);
    await api('post', `/tests/${id}/submit-red`, RED).expect(200);
    await api('patch', `/tests/${id}/blue`, BLUE)
      .send({
        version: await version(id),
        controls: [{ control: 'EDR', result }],
      })
      .expect(200);
    await api('post', `/tests/${id}/submit-blue`, BLUE).expect(200);
  }

  async function vote(id: string, decision: 'approve' | 'reject') {
    await api('post', `/tests/${id}/validate-red`, RED_LEAD)
      .send({ decision, comment: 'checked' })
      .expect(200);
    if (decision === 'approve') {
      await api('post', `/tests/${id}/validate-blue`, BLUE_LEAD)
        .send({ decision, comment: 'checked' })
        .expect(200);
    }
  }

  async function remediate(id: string, user: string, plan: object) {
    await api('patch', `/tests/${id}/remediation`, user)
      .send({ version: await version(id), ...plan })
      .expect(200);
  }

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    portal = await startAegisPortal({ knex, extraUsers: [NOBODY] });
    await signIn(ADMIN, RED, BLUE, RED_LEAD, BLUE_LEAD, VIEWER, NOBODY);
    await api('post', '/system/sync-mitre', ADMIN).expect(200);

    // Validated: EDR alerted on PowerShell against payments-api.
    ids.alerted = await create({
      title: HOSTILE_TITLE,
      techniques: ['T1059.001'],
      platform: 'Windows',
      targets: ['payments-api'],
    });
    await runToReview(ids.alerted, 'alerted');
    await vote(ids.alerted, 'approve');

    // Validated, but nothing saw it: a confirmed gap, with an overdue fix.
    ids.gap = await create({
      title: 'Impair defenses on Linux',
      techniques: ['T1685'],
      platform: 'Linux',
      targets: ['sso-gateway'],
    });
    await runToReview(ids.gap, 'not_detected');
    await vote(ids.gap, 'approve');
    await remediate(ids.gap, BLUE, {
      status: 'open',
      owner: 'group:default/platform-team',
      dueDate: '2020-01-31',
      steps: [
        { title: 'Alert on auditd stop', status: 'done' },
        { title: '@owner: tune rule', status: 'open' },
      ],
    });

    // Rejected by the red lead.
    ids.rejected = await create({
      title: 'Impair defenses again',
      techniques: ['T1685'],
      platform: 'Linux',
    });
    await runToReview(ids.rejected, 'blocked');
    await vote(ids.rejected, 'reject');

    // Blind and still with red: blue must not learn it exists.
    ids.blind = await create({
      title: 'Blind PowerShell run',
      techniques: ['T1059'],
      platform: 'Windows',
      targets: ['payments-api'],
      blind: true,
    });
    await api('post', `/tests/${ids.blind}/start-execution`, RED).expect(200);
    await remediate(ids.blind, RED, {
      status: 'in_progress',
      dueDate: '2099-12-31',
      steps: [],
    });

    today = new Date().toISOString().slice(0, 10);
  });

  describe('coverage-summary', () => {
    it('reports counts, tactics, platforms and every technique by the coverage rules', async () => {
      const report: CoverageReport = (
        await get('/reports/coverage-summary', ADMIN).expect(200)
      ).body;

      expect(Date.parse(report.generatedAt)).not.toBeNaN();
      expect(report.filters).toEqual({});
      const byId = Object.fromEntries(
        report.techniques.map(t => [t.mitreId, t]),
      );
      expect(Object.keys(byId).sort()).toEqual(['T1059', 'T1059.001', 'T1685']);
      expect(byId['T1059.001']).toMatchObject({
        name: 'PowerShell',
        domain: 'enterprise-attack',
        tactics: ['execution'],
        status: 'validated',
        confirmedGap: false,
        stale: false,
        via: 'tests',
        tests: {
          total: 1,
          validated: 1,
          inProgress: 0,
          outcomes: { alerted: 1 },
        },
      });
      expect(byId['T1059.001'].lastValidatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(byId.T1059).toMatchObject({
        status: 'validated',
        via: 'subtechniques',
        tests: { total: 1, validated: 0, inProgress: 1 },
      });
      expect(byId.T1685).toMatchObject({
        status: 'not_covered',
        confirmedGap: true,
        tests: { total: 2, validated: 1, outcomes: { not_detected: 1 } },
      });
      // Counts are of techniques; sub-techniques count through their parent.
      expect(report.counts).toMatchObject({
        total: 2,
        validated: 1,
        partial: 0,
        in_progress: 0,
        not_covered: 1,
        confirmedGaps: 1,
        stale: 0,
      });
      expect(report.byTactic.map(t => [t.shortname, t.counts.total])).toEqual(
        expect.arrayContaining([
          ['execution', 1],
          ['defense-impairment', 1],
        ]),
      );
      expect(report.byPlatform.map(p => p.platform)).toEqual(
        expect.arrayContaining(['Windows', 'Linux']),
      );
    });

    it('filters by tactic, platform, domain and entity', async () => {
      const byTactic: CoverageReport = (
        await get(
          '/reports/coverage-summary?tactic=defense-impairment',
          ADMIN,
        ).expect(200)
      ).body;
      expect(byTactic.filters).toEqual({ tactic: 'defense-impairment' });
      expect(byTactic.techniques.map(t => t.mitreId)).toEqual(['T1685']);

      // The platform is matched as ATT&CK spells it, whatever the case.
      const byPlatform: CoverageReport = (
        await get('/reports/coverage-summary?platform=windows', ADMIN).expect(
          200,
        )
      ).body;
      expect(byPlatform.filters).toEqual({ platform: 'Windows' });
      const t1685 = byPlatform.techniques.find(t => t.mitreId === 'T1685')!;
      expect(t1685).toMatchObject({
        status: 'not_covered',
        tests: { total: 0 },
      });

      const byEntity: CoverageReport = (
        await get(
          '/reports/coverage-summary?entityRef=sso-gateway&domain=enterprise-attack',
          ADMIN,
        ).expect(200)
      ).body;
      expect(byEntity.filters).toEqual({
        entityRef: 'component:default/sso-gateway',
        domain: 'enterprise-attack',
      });
      const statuses = Object.fromEntries(
        byEntity.techniques.map(t => [t.mitreId, t.status]),
      );
      expect(statuses['T1059.001']).toBe('not_covered');
      expect(statuses.T1685).toBe('not_covered');
      expect(
        byEntity.techniques.find(t => t.mitreId === 'T1685')!.confirmedGap,
      ).toBe(true);
    });
  });

  describe('coverage-csv', () => {
    it('downloads one RFC 4180 row per technique', async () => {
      const response = await get('/reports/coverage-csv', ADMIN).expect(200);

      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="aegis-coverage-${today}.csv"`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.text).toMatch(/\r\n$/);
      const records = csvRecords(response.text);
      expect(records.map(r => r['ATT&CK ID']).sort()).toEqual([
        'T1059',
        'T1059.001',
        'T1685',
      ]);
      expect(records.find(r => r['ATT&CK ID'] === 'T1685')).toEqual({
        'ATT&CK ID': 'T1685',
        Name: 'Impair Defenses',
        Domain: 'enterprise-attack',
        Tactics: 'defense-impairment',
        Status: 'not_covered',
        'Confirmed gap': 'true',
        Stale: 'false',
        'Last validated': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        Tests: '2',
        'Tests validated': '1',
        'Tests in progress': '0',
        Outcomes: 'not_detected: 1',
      });
    });

    it('applies the same filters as the summary', async () => {
      const response = await get(
        '/reports/coverage-csv?tactic=execution',
        ADMIN,
      ).expect(200);

      expect(
        csvRecords(response.text)
          .map(r => r['ATT&CK ID'])
          .sort(),
      ).toEqual(['T1059', 'T1059.001']);
    });
  });

  describe('test-results', () => {
    it('lists each test with its current round, newest change first', async () => {
      const report: TestResultsReport = (
        await get('/reports/test-results', ADMIN).expect(200)
      ).body;

      expect(report.filters).toEqual({});
      expect(report.items.map(item => item.id)).toEqual([
        ids.blind,
        ids.rejected,
        ids.gap,
        ids.alerted,
      ]);
      const alerted = report.items.find(item => item.id === ids.alerted)!;
      expect(alerted).toEqual({
        id: ids.alerted,
        title: HOSTILE_TITLE,
        state: 'validated',
        platform: 'Windows',
        severity: 'high',
        blind: false,
        round: 1,
        techniques: ['T1059.001'],
        targets: ['component:default/payments-api'],
        createdBy: ref(RED),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        redSubmittedAt: expect.any(String),
        blueSubmittedAt: expect.any(String),
        outcome: 'alerted',
        validatedAt: expect.any(String),
      });
      expect(alerted.redSubmittedAt! <= alerted.blueSubmittedAt!).toBe(true);
      expect(alerted.blueSubmittedAt! <= alerted.validatedAt!).toBe(true);
      expect(report.items.find(item => item.id === ids.rejected)).toMatchObject(
        { state: 'rejected', outcome: 'blocked', targets: [] },
      );
      const blind = report.items.find(item => item.id === ids.blind)!;
      expect(blind).toMatchObject({ state: 'red_executing', blind: true });
      expect(blind).not.toHaveProperty('outcome');
      expect(blind).not.toHaveProperty('validatedAt');
    });

    it('filters by state and by the day of the last change', async () => {
      const idsOf = async (query: string) =>
        (
          (await get(`/reports/test-results?${query}`, ADMIN).expect(200))
            .body as TestResultsReport
        ).items
          .map(item => item.id)
          .sort();
      const yesterday = new Date(Date.parse(today) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const tomorrow = new Date(Date.parse(today) + 86_400_000)
        .toISOString()
        .slice(0, 10);

      expect(await idsOf('state=validated')).toEqual(
        [ids.alerted, ids.gap].sort(),
      );
      // date_to includes the whole of its day.
      expect(await idsOf(`date_from=${today}&date_to=${today}`)).toHaveLength(
        4,
      );
      expect(await idsOf(`date_to=${yesterday}`)).toEqual([]);
      expect(await idsOf(`date_from=${tomorrow}`)).toEqual([]);
      expect(
        await idsOf(`date_from=${yesterday}T00:00:00Z&state=rejected`),
      ).toEqual([ids.rejected]);

      const echoed = await get(
        `/reports/test-results?state=rejected&date_from=${today}`,
        ADMIN,
      ).expect(200);
      expect(echoed.body.filters).toEqual({
        state: 'rejected',
        date_from: today,
      });
    });

    it('downloads the rows as CSV, hostile cells made harmless', async () => {
      const response = await get(
        '/reports/test-results.csv?state=validated',
        ADMIN,
      ).expect(200);

      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="aegis-test-results-${today}.csv"`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const rows = csvRows(response.text);
      expect(rows[0]).toEqual([
        'Test ID',
        'Title',
        'State',
        'Techniques',
        'Platform',
        'Severity',
        'Blind',
        'Round',
        'Targets',
        'Created by',
        'Created at',
        'Updated at',
        'Red submitted at',
        'Blue submitted at',
        'Outcome',
        'Validated at',
      ]);
      const alerted = csvRecords(response.text).find(
        r => r['Test ID'] === ids.alerted,
      )!;
      // Quotes, commas, line breaks and accents survive; the formula does not.
      expect(alerted.Title).toBe(`'${HOSTILE_TITLE}`);
      expect(alerted).toMatchObject({
        State: 'validated',
        Techniques: 'T1059.001',
        Targets: 'component:default/payments-api',
        Outcome: 'alerted',
        Blind: 'false',
        Round: '1',
      });
      expect(rows).toHaveLength(3);
    });
  });

  describe('remediation-status', () => {
    it('lists remediation plans with progress, earliest due first', async () => {
      const report: RemediationReport = (
        await get('/reports/remediation-status', ADMIN).expect(200)
      ).body;

      expect(report.filters).toEqual({});
      expect(report.items).toEqual([
        {
          testId: ids.gap,
          title: 'Impair defenses on Linux',
          testState: 'validated',
          status: 'open',
          owner: 'group:default/platform-team',
          dueDate: '2020-01-31',
          overdue: true,
          stepsDone: 1,
          stepsTotal: 2,
          techniques: ['T1685'],
          updatedAt: expect.any(String),
        },
        {
          testId: ids.blind,
          title: 'Blind PowerShell run',
          testState: 'red_executing',
          status: 'in_progress',
          dueDate: '2099-12-31',
          overdue: false,
          stepsDone: 0,
          stepsTotal: 0,
          techniques: ['T1059'],
          updatedAt: expect.any(String),
        },
      ]);
    });

    it('filters by status', async () => {
      const report: RemediationReport = (
        await get('/reports/remediation-status?status=open', ADMIN).expect(200)
      ).body;

      expect(report.filters).toEqual({ status: 'open' });
      expect(report.items.map(item => item.testId)).toEqual([ids.gap]);
    });

    it('downloads the plans as CSV', async () => {
      const response = await get(
        '/reports/remediation-status.csv',
        ADMIN,
      ).expect(200);

      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="aegis-remediation-${today}.csv"`,
      );
      expect(csvRecords(response.text)[0]).toEqual({
        'Test ID': ids.gap,
        Title: 'Impair defenses on Linux',
        'Test state': 'validated',
        Techniques: 'T1685',
        'Remediation status': 'open',
        Owner: 'group:default/platform-team',
        'Due date': '2020-01-31',
        Overdue: 'true',
        'Steps done': '1',
        'Steps total': '2',
        'Updated at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });
  });

  describe('navigator-layer', () => {
    it('downloads a 4.5 layer the Navigator opens as is', async () => {
      const response = await get('/reports/navigator-layer', ADMIN).expect(200);

      expect(response.headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="aegis-navigator-enterprise-attack-${today}.json"`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const layer = JSON.parse(response.text);
      expect(navigatorLayerSchema.safeParse(layer).error).toBeUndefined();
      expect(layer).toMatchObject({
        domain: 'enterprise-attack',
        versions: { layer: '4.5' },
      });
      expect(layer.metadata).toContainEqual({
        name: 'ATT&CK release',
        value: '19.0',
      });
      const cells = layer.techniques as Array<Record<string, any>>;
      expect(cells.find(t => t.techniqueID === 'T1059.001')).toMatchObject({
        tactic: 'execution',
        score: 100,
        links: [
          {
            label: 'Open in Aegis',
            url: 'http://localhost:3000/aegis/techniques/T1059.001',
          },
        ],
      });
      expect(cells.find(t => t.techniqueID === 'T1685')).toMatchObject({
        tactic: 'defense-impairment',
        score: 0,
      });
    });

    it('comments each technique with its tests and outcomes', async () => {
      const layer = (await get('/reports/navigator-layer', ADMIN).expect(200))
        .body;
      const comment = (id: string) =>
        layer.techniques.find(
          (t: { techniqueID: string }) => t.techniqueID === id,
        ).comment;

      expect(comment('T1685')).toMatch(
        /^Confirmed gap \(not detected\)\. 2 tests: 1 validated, 0 in progress\. outcomes not_detected: 1\. last validated \d{4}-\d\d-\d\d\.$/,
      );
      expect(comment('T1059')).toBe(
        `Validated. from its sub-techniques. 1 test: 0 validated, 1 in progress. last validated ${today}.`,
      );
    });

    it('filters by platform and entity', async () => {
      const response = await get(
        '/reports/navigator-layer?platform=WINDOWS&entityRef=payments-api',
        ADMIN,
      ).expect(200);
      const layer = JSON.parse(response.text);

      expect(navigatorLayerSchema.safeParse(layer).error).toBeUndefined();
      expect(layer.filters).toEqual({ platforms: ['Windows'] });
      expect(layer.metadata).toEqual(
        expect.arrayContaining([
          { name: 'Platform', value: 'Windows' },
          { name: 'Entity', value: 'component:default/payments-api' },
        ]),
      );
      const scores = Object.fromEntries(
        layer.techniques.map((t: { techniqueID: string; score: number }) => [
          t.techniqueID,
          t.score,
        ]),
      );
      expect(scores).toEqual({ 'T1059.001': 100, T1059: 100, T1685: 0 });
    });
  });

  describe('for a blue tech, an unrevealed blind test', () => {
    it('is in no report at all', async () => {
      const results: TestResultsReport = (
        await get('/reports/test-results', BLUE).expect(200)
      ).body;
      expect(results.items.map(item => item.id).sort()).toEqual(
        [ids.alerted, ids.gap, ids.rejected].sort(),
      );
      const resultsCsv = await get('/reports/test-results.csv', BLUE).expect(
        200,
      );
      expect(resultsCsv.text).not.toContain(ids.blind);

      const remediation: RemediationReport = (
        await get('/reports/remediation-status', BLUE).expect(200)
      ).body;
      expect(remediation.items.map(item => item.testId)).toEqual([ids.gap]);
      const remediationCsv = await get(
        '/reports/remediation-status.csv',
        BLUE,
      ).expect(200);
      expect(remediationCsv.text).not.toContain(ids.blind);

      const coverage: CoverageReport = (
        await get('/reports/coverage-summary', BLUE).expect(200)
      ).body;
      const t1059 = coverage.techniques.find(t => t.mitreId === 'T1059')!;
      expect(t1059.tests).toEqual<TechniqueCoverage['tests']>({
        total: 0,
        validated: 0,
        inProgress: 0,
        outcomes: {},
      });
      const coverageCsv = await get('/reports/coverage-csv', BLUE).expect(200);
      expect(
        csvRecords(coverageCsv.text).find(r => r['ATT&CK ID'] === 'T1059'),
      ).toMatchObject({ Tests: '0', 'Tests in progress': '0' });

      const layer = (await get('/reports/navigator-layer', BLUE).expect(200))
        .body;
      expect(
        layer.techniques.find(
          (t: { techniqueID: string }) => t.techniqueID === 'T1059',
        ).comment,
      ).toBe(
        `Validated. from its sub-techniques. no Aegis tests. last validated ${today}.`,
      );
    });
  });

  describe('access', () => {
    it.each(REPORT_PATHS)('refuses %s to a user without a role', async path => {
      const response = await get(path, NOBODY);

      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain('aegis.report.read');
    });

    it.each(REPORT_PATHS)('serves %s to a viewer', async path => {
      const response = await get(path, VIEWER);

      expect(response.status).toBe(200);
    });

    it('serves a download to the browser with the user cookie', async () => {
      const issued = await request(portal.server)
        .get('/api/aegis/.backstage/auth/v1/cookie')
        .set('Authorization', `Bearer ${token(ADMIN)}`)
        .expect(200);
      const cookie = (issued.headers['set-cookie'] as unknown as string[])
        .map(value => value.split(';')[0])
        .join('; ');

      const download = await request(portal.server)
        .get('/api/aegis/reports/test-results.csv')
        .set('Cookie', cookie);

      expect(download.status).toBe(200);
      expect(csvRows(download.text)).toHaveLength(5);
      const layer = await request(portal.server)
        .get('/api/aegis/reports/navigator-layer')
        .set('Cookie', cookie);
      expect(layer.status).toBe(200);
      // The JSON reports are for API clients: the cookie alone is refused.
      const json = await request(portal.server)
        .get('/api/aegis/reports/test-results')
        .set('Cookie', cookie);
      expect(json.status).toBe(401);
    });
  });

  describe('bad queries', () => {
    it.each([
      ['/reports/coverage-summary?tactic=lunch', 'tactic'],
      ['/reports/coverage-summary?tactic=Bad%20Tactic', 'tactic'],
      ['/reports/coverage-summary?platform=Plan9', 'platform'],
      ['/reports/coverage-summary?domain=pre-attack', 'domain'],
      ['/reports/coverage-summary?domain=mobile-attack', 'domain'],
      ['/reports/coverage-summary?entityRef=component:default/', 'entityRef'],
      ['/reports/coverage-csv?tactic=lunch', 'tactic'],
      ['/reports/test-results?state=done', 'state'],
      ['/reports/test-results?date_from=2026-13-01', 'date_from'],
      ['/reports/test-results?date_to=yesterday', 'date_to'],
      [
        '/reports/test-results?date_from=2026-12-02&date_to=2026-12-01',
        'date_from',
      ],
      [
        '/reports/test-results.csv?date_from=2026-12-01T10:00:00Z&date_to=2026-12-01T09:00:00Z',
        'date_from',
      ],
      ['/reports/remediation-status?status=closed', 'status'],
      ['/reports/remediation-status.csv?status=closed', 'status'],
      ['/reports/navigator-layer?platform=Plan9', 'platform'],
      ['/reports/navigator-layer?tactic=execution', "unknown field 'tactic'"],
      ['/reports/test-results?sort=title', "unknown field 'sort'"],
    ])('answers 400 to %s, naming %s', async (path, field) => {
      const response = await get(path, ADMIN);

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
    });
  });
});
