import {
  CoverageReport,
  EntityCoverage,
  MetricsSummary,
  TeamActivity,
  TestPipeline,
  ValidationRate,
} from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { portalRequests } from '../__testUtils__/portalRequests';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  WORKFLOW_USERS,
  workflowDriver,
} from '../__testUtils__/workflowDriver';
import { CoverageSnapshots } from '../coverage/CoverageSnapshots';
import { CoverageStore } from '../coverage/CoverageStore';

jest.setTimeout(180_000);

const ADMIN = 'ada.admin';
const VIEWER = 'vic.viewer';
/** A signed-in user with no Aegis role. */
const NOBODY = 'nora.nobody';
const {
  red: RED,
  blue: BLUE,
  redLead: RED_LEAD,
  blueLead: BLUE_LEAD,
} = WORKFLOW_USERS;

const ref = (name: string) => `user:default/${name}`;

const databases = createTestDatabases();

/**
 * The metrics, the per-entity coverage and the catalog feed over HTTP, for
 * a scenario driven through the workflow as people would. The fixture's
 * knowledge base has two techniques: T1059 (Linux, Windows; with the
 * sub-technique T1059.001, Windows) and T1685 (Linux, Windows, macOS).
 */
describe.each(databases.eachSupportedId())('metrics, on %p', databaseId => {
  let portal: Awaited<ReturnType<typeof startAegisPortal>>;
  const { signIn, api } = portalRequests(() => portal);
  const { drive, send } = workflowDriver(() => portal);
  const get = (path: string, user = ADMIN) => api('get', path, user);
  const ids = {} as Record<
    'alerted' | 'gap' | 'review' | 'blind' | 'rejected',
    string
  >;

  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    portal = await startAegisPortal({
      knex,
      extraUsers: [NOBODY],
    });
    await signIn(ADMIN, RED, BLUE, RED_LEAD, BLUE_LEAD, VIEWER, NOBODY);
    await api('post', '/system/sync-mitre', ADMIN).expect(200);

    ids.alerted = await drive({
      title: 'PowerShell cradle',
      techniques: ['T1059.001'],
      platform: 'Windows',
      targets: ['payments-api'],
      controls: [{ control: 'EDR', result: 'alerted' }],
      until: 'validated',
    });
    ids.gap = await drive({
      title: 'Stop auditd',
      techniques: ['T1685'],
      platform: 'Linux',
      targets: ['sso-gateway'],
      controls: [{ control: 'SIEM', result: 'not_detected' }],
      until: 'validated',
    });
    ids.review = await drive({
      title: 'Disable Defender',
      techniques: ['T1685'],
      platform: 'Windows',
      until: 'in_review',
    });
    ids.rejected = await drive({
      title: 'Bash one-liner',
      techniques: ['T1059'],
      platform: 'Linux',
      targets: ['payments-api'],
      until: 'rejected',
    });
    // Blind and with red: blue roles must not learn it exists.
    ids.blind = await drive({
      title: 'Blind script run',
      techniques: ['T1059'],
      platform: 'Windows',
      targets: ['payments-api'],
      blind: true,
      until: 'red_executing',
    });
  });

  describe('summary and by-tactic', () => {
    it('count the techniques by the coverage rules, and the tests', async () => {
      const summary: MetricsSummary = (
        await get('/metrics/summary').expect(200)
      ).body;
      expect(summary.domains).toEqual(['enterprise-attack']);
      expect(summary.maxAgeDays).toBe(365);
      // T1059 is validated through its only sub-technique; T1685 is being
      // reviewed on Windows, which outranks the Linux gap.
      expect(summary.coverage).toMatchObject({
        total: 2,
        validated: 1,
        partial: 0,
        in_progress: 1,
        not_covered: 0,
        stale: 0,
        percent: { validated: 50, partial: 0, in_progress: 50, not_covered: 0 },
      });
      expect(summary.tests).toEqual({
        total: 5,
        open: 2,
        validated: 2,
        rejected: 1,
      });
    });

    it('agree with the coverage report', async () => {
      const report: CoverageReport = (
        await get('/reports/coverage-summary').expect(200)
      ).body;
      const summary: MetricsSummary = (
        await get('/metrics/summary').expect(200)
      ).body;
      const byTactic = (await get('/metrics/by-tactic').expect(200)).body;
      expect(summary.coverage).toEqual(report.counts);
      expect(byTactic.items).toEqual(report.byTactic);
      expect(
        byTactic.items.map(
          (item: CoverageReport['byTactic'][number]) =>
            `${item.shortname}:${item.counts.total}`,
        ),
      ).toEqual(['execution:1', 'stealth:0', 'defense-impairment:1']);
    });

    it('filter by platform and domain, and refuse what is not enabled', async () => {
      const linux = (await get('/metrics/by-tactic?platform=Linux').expect(200))
        .body.items;
      const impairment = linux.find(
        (item: { shortname: string }) =>
          item.shortname === 'defense-impairment',
      );
      // On Linux only the gap counts: not covered, and a confirmed gap.
      expect(impairment.counts).toMatchObject({
        total: 1,
        not_covered: 1,
        confirmedGaps: 1,
      });
      const enterprise = await get(
        '/metrics/summary?domain=enterprise-attack',
      ).expect(200);
      expect(enterprise.body.domains).toEqual(['enterprise-attack']);
      const disabled = await get(
        '/metrics/summary?domain=mobile-attack',
      ).expect(400);
      expect(disabled.body.error.message).toBe(
        "Invalid query: domain: 'mobile-attack' is not enabled (enterprise-attack)",
      );
      const bad = await get('/metrics/summary?domain=pre-attack').expect(400);
      expect(bad.body.error.message).toMatch(/domain/);
    });
  });

  describe('test-pipeline', () => {
    it('counts tests per state and the stages they reached', async () => {
      const pipeline: TestPipeline = (
        await get('/metrics/test-pipeline').expect(200)
      ).body;
      expect(pipeline.states).toEqual({
        draft: 0,
        red_executing: 1,
        blue_evaluating: 0,
        in_review: 1,
        validated: 2,
        rejected: 1,
      });
      expect(pipeline.funnel).toEqual([
        { stage: 'created', count: 5 },
        { stage: 'red_submitted', count: 4 },
        { stage: 'blue_submitted', count: 4 },
        { stage: 'validated', count: 2 },
      ]);
    });

    it('leaves the unrevealed blind test out for blue', async () => {
      const pipeline: TestPipeline = (
        await get('/metrics/test-pipeline', BLUE).expect(200)
      ).body;
      expect(pipeline.states.red_executing).toBe(0);
      expect(pipeline.funnel[0]).toEqual({ stage: 'created', count: 4 });
    });
  });

  describe('team-activity', () => {
    it('counts what each team and person did in the window', async () => {
      const activity: TeamActivity = (
        await get('/metrics/team-activity').expect(200)
      ).body;
      const today = new Date().toISOString().slice(0, 10);
      expect(activity.to).toBe(today);
      // Red: 5 tests created, 4 red submissions, 3 red votes; blue: 4 blue
      // submissions, 3 blue votes.
      expect(activity.teams).toEqual([
        { team: 'red', actions: 12, users: 2 },
        { team: 'blue', actions: 7, users: 2 },
      ]);
      expect(activity.users).toEqual([
        {
          userRef: ref(BLUE),
          testsCreated: 0,
          redSubmissions: 0,
          blueSubmissions: 4,
          votes: 0,
        },
        {
          userRef: ref(BLUE_LEAD),
          testsCreated: 0,
          redSubmissions: 0,
          blueSubmissions: 0,
          votes: 3,
        },
        {
          userRef: ref(RED),
          testsCreated: 5,
          redSubmissions: 4,
          blueSubmissions: 0,
          votes: 0,
        },
        {
          userRef: ref(RED_LEAD),
          testsCreated: 0,
          redSubmissions: 0,
          blueSubmissions: 0,
          votes: 3,
        },
      ]);
    });

    it('counts nothing in a window before the work', async () => {
      const activity: TeamActivity = (
        await get(
          '/metrics/team-activity?from=2020-01-01&to=2020-01-31',
        ).expect(200)
      ).body;
      expect(activity).toMatchObject({ from: '2020-01-01', to: '2020-01-31' });
      expect(activity.users).toEqual([]);
    });

    it('refuses a reversed or too long window, naming the field', async () => {
      const reversed = await get(
        '/metrics/team-activity?from=2026-12-05&to=2026-12-01',
      ).expect(400);
      expect(reversed.body.error.message).toMatch(/from: must not be after to/);
      const long = await get(
        '/metrics/team-activity?from=2020-01-01&to=2026-01-01',
      ).expect(400);
      expect(long.body.error.message).toMatch(/from: the window may span/);
      const badDay = await get('/metrics/team-activity?to=tomorrow').expect(
        400,
      );
      expect(badDay.body.error.message).toMatch(/to/);
    });
  });

  describe('validation-rate', () => {
    it("gives each lead's approvals and rejections in percent", async () => {
      const rate: ValidationRate = (
        await get('/metrics/validation-rate').expect(200)
      ).body;
      expect(rate.leads).toEqual([
        {
          userRef: ref(RED_LEAD),
          side: 'red',
          approvals: 3,
          rejections: 0,
          total: 3,
          approvalRate: 100,
          rejectionRate: 0,
        },
        {
          userRef: ref(BLUE_LEAD),
          side: 'blue',
          approvals: 2,
          rejections: 1,
          total: 3,
          approvalRate: 66.7,
          rejectionRate: 33.3,
        },
      ]);
    });
  });

  describe('recent-tests', () => {
    it('lists the tests changed last, newest first', async () => {
      const { items } = (await get('/metrics/recent-tests').expect(200)).body;
      expect(items.map((item: { id: string }) => item.id)).toEqual([
        ids.blind,
        ids.rejected,
        ids.review,
        ids.gap,
        ids.alerted,
      ]);
      const forBlue = (await get('/metrics/recent-tests', BLUE).expect(200))
        .body.items;
      expect(forBlue.map((item: { id: string }) => item.id)).not.toContain(
        ids.blind,
      );
    });
  });

  describe('trend', () => {
    it("draws the day's snapshot, taken as the scheduled task takes it", async () => {
      // The test backend's scheduler runs no task by itself: take the
      // snapshot with the task's code on the portal's database.
      const snapshots = new CoverageSnapshots(
        knex,
        new CoverageStore(knex, {
          domains: ['enterprise-attack'],
          maxAgeDays: 365,
        }),
      );
      expect((await get('/metrics/trend').expect(200)).body.points).toEqual([]);
      expect((await snapshots.take()).changed).toBe(true);
      // The same coverage again writes nothing.
      expect((await snapshots.take()).changed).toBe(false);

      const today = new Date().toISOString().slice(0, 10);
      const { points } = (await get('/metrics/trend').expect(200)).body;
      expect(points).toHaveLength(1);
      expect(points[0].day).toBe(today);
      // Everyone's view: the blind test does not count, so T1059 is
      // validated through T1059.001 and T1685 in progress.
      expect(points[0].counts).toMatchObject({
        total: 2,
        validated: 1,
        partial: 0,
        in_progress: 1,
        not_covered: 0,
        percent: { validated: 50, in_progress: 50 },
      });
      const before = await get(
        '/metrics/trend?from=2020-01-01&to=2020-01-31',
      ).expect(200);
      expect(before.body.points).toEqual([]);
    });

    it('answers afresh to Cache-Control: no-cache', async () => {
      const first = (await get('/metrics/summary').expect(200)).body;
      const again = (await get('/metrics/summary').expect(200)).body;
      const fresh = (
        await get('/metrics/summary')
          .set('Cache-Control', 'no-cache')
          .expect(200)
      ).body;
      // Nothing changed: the second answer is the first one, cached.
      expect(again.generatedAt).toBe(first.generatedAt);
      expect(fresh.generatedAt > first.generatedAt).toBe(true);
      expect(fresh.coverage).toEqual(first.coverage);
    });
  });

  describe('coverage of a catalog entity', () => {
    it('covers the techniques tested against a Component', async () => {
      const coverage: EntityCoverage = (
        await get('/coverage?entityRef=component:default/payments-api').expect(
          200,
        )
      ).body;
      expect(coverage.entityRefs).toEqual(['component:default/payments-api']);
      // T1059.001 was validated against it, and T1059 is validated through
      // it: both are listed, and as everywhere the sub-technique counts
      // through its parent.
      expect(coverage.counts).toMatchObject({
        total: 1,
        validated: 1,
        partial: 0,
        in_progress: 0,
      });
      expect(
        coverage.techniques.map(t => `${t.mitreId}:${t.status}`).sort(),
      ).toEqual(['T1059.001:validated', 'T1059:validated']);

      // A Navigator layer of the entity scores the same techniques.
      const layer = (
        await get(
          '/reports/navigator-layer?entityRef=component:default/payments-api',
        ).expect(200)
      ).body as {
        techniques: Array<{ techniqueID: string; score: number }>;
      };
      const scored = new Set(
        layer.techniques
          .filter(t => t.score > 0 && !t.techniqueID.includes('.'))
          .map(t => t.techniqueID),
      );
      expect([...scored]).toEqual(['T1059']);
      expect(coverage.tests.map(test => test.id).sort()).toEqual(
        [ids.alerted, ids.rejected, ids.blind].sort(),
      );
      expect(coverage.lastValidation).toMatchObject({
        testId: ids.alerted,
        title: 'PowerShell cradle',
      });
    });

    it('aggregates the Components of a System', async () => {
      const system: EntityCoverage = (
        await get('/coverage?entityRef=system:default/payments').expect(200)
      ).body;
      const component: EntityCoverage = (
        await get('/coverage?entityRef=component:default/payments-api').expect(
          200,
        )
      ).body;
      expect(system.entityRefs).toEqual(
        expect.arrayContaining(['component:default/payments-api']),
      );
      expect(system.counts).toEqual(component.counts);
      expect(system.tests.map(test => test.id).sort()).toEqual(
        component.tests.map(test => test.id).sort(),
      );
    });

    it('hides the unrevealed blind test from blue', async () => {
      const coverage: EntityCoverage = (
        await get(
          '/coverage?entityRef=component:default/payments-api',
          BLUE,
        ).expect(200)
      ).body;
      expect(coverage.tests.map(test => test.id)).not.toContain(ids.blind);
    });

    it('needs an entity ref', async () => {
      const response = await get('/coverage').expect(400);
      expect(response.body.error.message).toMatch(/entityRef/);
    });
  });

  describe('the catalog feed', () => {
    it('gives each active technique its status and the entities tested against it', async () => {
      const feed = (await get('/catalog/techniques', VIEWER).expect(200)).body;
      const byId = new Map<
        string,
        { status: string; testedEntityRefs: string[] }
      >(feed.techniques.map((t: { mitreId: string }) => [t.mitreId, t]));
      expect([...byId.keys()].sort()).toEqual(['T1059', 'T1059.001', 'T1685']);
      expect(byId.get('T1059.001')).toMatchObject({
        status: 'validated',
        testedEntityRefs: ['component:default/payments-api'],
      });
      // The blind test is unrevealed: payments-api comes from the rejected
      // test only.
      expect(byId.get('T1059')!.testedEntityRefs).toEqual([
        'component:default/payments-api',
      ]);
      expect(byId.get('T1685')!.testedEntityRefs).toEqual([
        'component:default/sso-gateway',
      ]);
    });
  });

  describe('after a change', () => {
    it('answers with the change at once, never a cached answer of before', async () => {
      const before: MetricsSummary = (await get('/metrics/summary').expect(200))
        .body;
      const listBefore = (await get('/tests?limit=1').expect(200)).body;
      const entityBefore: EntityCoverage = (
        await get('/coverage?entityRef=component:default/sso-gateway').expect(
          200,
        )
      ).body;
      expect(before.tests.validated).toBe(2);

      await send(RED_LEAD, 'post', `/tests/${ids.review}/validate-red`, {
        decision: 'approve',
        comment: 'Red work is sound',
      });
      await send(BLUE_LEAD, 'post', `/tests/${ids.review}/validate-blue`, {
        decision: 'approve',
        comment: 'Detection holds',
      });

      const after: MetricsSummary = (await get('/metrics/summary').expect(200))
        .body;
      expect(after.tests).toMatchObject({ validated: 3, open: 1 });
      // T1685's Windows test alerted: validated now.
      expect(after.coverage).toMatchObject({ validated: 2, in_progress: 0 });
      const report: CoverageReport = (
        await get('/reports/coverage-summary').expect(200)
      ).body;
      expect(report.counts).toEqual(after.coverage);

      const created = await drive({
        techniques: ['T1059'],
        targets: ['sso-gateway'],
        until: 'draft',
      });
      const listAfter = (await get('/tests?limit=1').expect(200)).body;
      expect(listAfter.total).toBe(listBefore.total + 1);
      const entityAfter: EntityCoverage = (
        await get('/coverage?entityRef=component:default/sso-gateway').expect(
          200,
        )
      ).body;
      expect(entityAfter.tests.map(test => test.id)).toContain(created);
      expect(entityAfter.tests).toHaveLength(entityBefore.tests.length + 1);
    });
  });

  describe('access', () => {
    it.each([
      '/metrics/summary',
      '/metrics/by-tactic',
      '/metrics/test-pipeline',
      '/metrics/team-activity',
      '/metrics/validation-rate',
      '/metrics/recent-tests',
      '/metrics/trend',
      '/coverage?entityRef=component:default/payments-api',
    ])('refuses %s to a user without an Aegis role', async path => {
      const response = await get(path, NOBODY).expect(403);
      expect(response.body.error.message).toMatch(/aegis\.report\.read/);
    });

    it('refuses unknown query parameters, naming them', async () => {
      const response = await get('/metrics/test-pipeline?state=draft').expect(
        400,
      );
      expect(response.body.error.message).toMatch(/state/);
    });
  });
});
