import request from 'supertest';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

const ADMIN = 'ada.admin';
const RED = 'rex.redtech';
const BLUE = 'bea.bluetech';
const RED_LEAD = 'rosa.redlead';
const BLUE_LEAD = 'bo.bluelead';
const VIEWER = 'vic.viewer';
/** A second red tech, bound by the admin in beforeAll. */
const OTHER_RED = 'spare.redtech';

const ref = (name: string) => `user:default/${name}`;

const NEW_TEST = {
  title: 'PowerShell download cradle',
  description: 'Fetch and run a script from the internet',
  techniques: ['T1059'],
  platform: 'Windows',
  targets: ['payments-api'],
  severity: 'high',
  procedure: 'IEX (New-Object Net.WebClient).DownloadString(...)',
  tools: ['powershell'],
  expectedDetection: 'EDR alert on encoded PowerShell',
  tags: ['initial-access'],
};

const RED_WORK = {
  executedAt: '2026-12-01T10:00:00Z',
  commands: 'powershell -enc SQBFAFgA...',
  result: 'Payload ran; beacon called home',
};

const BLUE_WORK = {
  controls: [
    { control: 'EDR', result: 'alerted' },
    { control: 'SIEM', result: 'logged' },
  ],
  alertSeverity: 'high',
  detectedAt: '2026-12-01T10:04:30Z',
  detectionReference: 'EDR-4711',
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the red/blue workflow over HTTP, on %p',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startAegisPortal>>;

    const tokens = new Map<string, string>();

    /** Requests as one demo user, with a real token from the dev sign-in. */
    function as(user: string) {
      const token = tokens.get(user);
      if (!token) throw new Error(`No token for ${user}`);
      const send = (
        method: 'get' | 'post' | 'patch',
        path: string,
        body?: object,
      ) => {
        const call = request(portal.server)
          [method](`/api/aegis${path}`)
          .set('Authorization', `Bearer ${token}`);
        return body === undefined ? call : call.send(body);
      };
      return {
        get: (path: string) => send('get', path),
        post: (path: string, body: object = {}) => send('post', path, body),
        patch: (path: string, body: object) => send('patch', path, body),
      };
    }

    /** The user's notifications of one test, newest first. */
    async function notificationsOf(user: string, testId: string) {
      const response = await request(portal.server)
        .get('/api/notifications/notifications')
        .set('Authorization', `Bearer ${await portal.userToken(user)}`)
        .expect(200);
      return (
        response.body.notifications as Array<{
          payload: { title: string; link: string; scope?: string };
        }>
      ).filter(n => n.payload.link === `/aegis/tests/${testId}`);
    }

    /** Red's evidence, which red must upload before submitting. */
    async function uploadRed(id: string) {
      await request(portal.server)
        .post(`/api/aegis/tests/${id}/evidence?team=red`)
        .set('Authorization', `Bearer ${tokens.get(RED)}`)
        .attach(
          'file',
          Buffer.from('beacon called home at 10:00'),
          'beacon.log',
        )
        .expect(201);
    }

    async function create(user = RED, body: object = NEW_TEST) {
      const response = await as(user).post('/tests', body);
      expect(response.status).toBe(201);
      return response.body as { id: string; version: number };
    }

    /** Takes a new test to in_review with the demo techs. */
    async function inReview(creator = RED) {
      const { id } = await create(creator);
      await as(RED).post(`/tests/${id}/start-execution`).expect(200);
      const red = await as(RED).get(`/tests/${id}`);
      await as(RED)
        .patch(`/tests/${id}/red`, { ...RED_WORK, version: red.body.version })
        .expect(200);
      await uploadRed(id);
      await as(RED).post(`/tests/${id}/submit-red`).expect(200);
      const blue = await as(BLUE).get(`/tests/${id}`);
      await as(BLUE)
        .patch(`/tests/${id}/blue`, {
          ...BLUE_WORK,
          version: blue.body.version,
        })
        .expect(200);
      await as(BLUE).post(`/tests/${id}/submit-blue`).expect(200);
      return id;
    }

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      portal = await startAegisPortal({ knex, extraUsers: [OTHER_RED] });
      for (const user of [ADMIN, RED, BLUE, RED_LEAD, BLUE_LEAD, VIEWER]) {
        tokens.set(user, await portal.userToken(user));
      }
      await as(ADMIN).post('/system/sync-mitre').expect(200);
      await as(ADMIN)
        .post('/users', { userEntityRef: ref(OTHER_RED), roles: ['red_tech'] })
        .expect(201);
      tokens.set(OTHER_RED, await portal.userToken(OTHER_RED));
    });

    it('takes a test from draft to validated, each person acting in turn and told when', async () => {
      const created = await create();
      const id = created.id;
      expect(created).toMatchObject({
        state: 'draft',
        round: 1,
        createdBy: ref(RED),
        techniques: ['T1059'],
        targets: ['component:default/payments-api'],
        allowedActions: ['start-execution'],
        editableSections: ['general', 'red', 'remediation'],
      });

      // Blue may not start red's work; a viewer may do nothing at all.
      const blueStart = await as(BLUE).post(`/tests/${id}/start-execution`);
      expect(blueStart.status).toBe(403);
      expect(blueStart.body.error.message).toContain('aegis.test.red.execute');
      const viewerView = await as(VIEWER).get(`/tests/${id}`).expect(200);
      expect(viewerView.body).toMatchObject({
        allowedActions: [],
        editableSections: [],
      });

      await as(RED).post(`/tests/${id}/start-execution`).expect(200);

      // Submitting before the red fields are recorded names what is missing.
      const early = await as(RED).post(`/tests/${id}/submit-red`);
      expect(early.status).toBe(400);
      expect(early.body.error.message).toContain(
        'missing executedAt, commands, result, red evidence',
      );

      // An edit on a stale version is refused; on the current one it lands.
      const stale = await as(RED).patch(`/tests/${id}/red`, {
        ...RED_WORK,
        version: created.version,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain('changed since version 1');
      const current = (await as(RED).get(`/tests/${id}`)).body;
      const withHeader = await request(portal.server)
        .patch(`/api/aegis/tests/${id}/red`)
        .set('Authorization', `Bearer ${await portal.userToken(RED)}`)
        .set('If-Match', `"${current.version}"`)
        .send(RED_WORK);
      expect(withHeader.status).toBe(200);
      expect(withHeader.body.current.red).toMatchObject({
        ...RED_WORK,
        executedAt: '2026-12-01T10:00:00Z',
        actors: [ref(RED)],
      });

      await uploadRed(id);
      const submitted = await as(RED).post(`/tests/${id}/submit-red`);
      expect(submitted.body).toMatchObject({
        state: 'blue_evaluating',
        allowedActions: [],
      });
      // A double submit moves the test once and says where it stands.
      const again = await as(RED).post(`/tests/${id}/submit-red`);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain(
        'is blue_evaluating: submit-red starts only from red_executing',
      );
      expect(await notificationsOf(BLUE, id)).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({
            title: expect.stringContaining('Blue team: evaluate'),
          }),
        }),
      ]);
      expect(await notificationsOf(RED, id)).toEqual([]);

      // Red's fields are closed now; blue's are open to blue only.
      const lateRed = await as(RED).patch(`/tests/${id}/red`, {
        notes: 'late',
        version: submitted.body.version,
      });
      expect(lateRed.status).toBe(409);
      const earlyBlue = await as(BLUE).post(`/tests/${id}/submit-blue`);
      expect(earlyBlue.status).toBe(400);
      expect(earlyBlue.body.error.message).toContain('missing controls');
      const blue = await as(BLUE).patch(`/tests/${id}/blue`, {
        ...BLUE_WORK,
        version: submitted.body.version,
      });
      expect(blue.status).toBe(200);
      expect(blue.body.current.blue).toMatchObject({
        outcome: 'alerted',
        timeToDetectSeconds: 270,
        actors: [ref(BLUE)],
      });
      await as(BLUE).post(`/tests/${id}/submit-blue`).expect(200);
      for (const lead of [RED_LEAD, BLUE_LEAD]) {
        expect(await notificationsOf(lead, id)).toHaveLength(1);
      }

      // Each lead may vote on their own side only.
      const forRedLead = await as(RED_LEAD).get(`/tests/${id}`);
      expect(forRedLead.body).toMatchObject({
        state: 'in_review',
        pendingValidation: ['red', 'blue'],
        allowedActions: ['validate-red'],
      });
      const wrongSide = await as(RED_LEAD).post(`/tests/${id}/validate-blue`, {
        decision: 'approve',
        comment: 'not mine',
      });
      expect(wrongSide.status).toBe(403);

      await as(RED_LEAD)
        .post(`/tests/${id}/validate-red`, {
          decision: 'approve',
          comment: 'First look',
        })
        .expect(200);
      const pendingBlue = await as(BLUE_LEAD).get(
        '/tests?pending_validation_side=blue',
      );
      expect(pendingBlue.body.items.map((t: { id: string }) => t.id)).toContain(
        id,
      );
      const pendingRed = await as(RED_LEAD).get(
        '/tests?pending_validation_side=red',
      );
      expect(
        pendingRed.body.items.map((t: { id: string }) => t.id),
      ).not.toContain(id);

      // A vote may change while the test is in review.
      const changed = await as(RED_LEAD).post(`/tests/${id}/validate-red`, {
        decision: 'approve',
        comment: 'Evidence checked',
      });
      expect(changed.body).toMatchObject({
        state: 'in_review',
        pendingValidation: ['blue'],
        current: { votes: { red: { comment: 'Evidence checked' } } },
      });

      const validated = await as(BLUE_LEAD).post(`/tests/${id}/validate-blue`, {
        decision: 'approve',
        comment: 'Alert fired in time',
      });
      expect(validated.body).toMatchObject({
        state: 'validated',
        pendingValidation: [],
        current: {
          votes: {
            red: { voter: ref(RED_LEAD), decision: 'approve', override: false },
            blue: { voter: ref(BLUE_LEAD), decision: 'approve' },
          },
        },
      });
      // One notification per kind: the changed red vote replaced the first.
      const toCreator = await notificationsOf(RED, id);
      expect(toCreator.map(n => n.payload.scope).sort()).toEqual([
        `aegis:test:${id}:outcome`,
        `aegis:test:${id}:vote-red`,
      ]);
      expect(toCreator.map(n => n.payload.title)).toContain(
        `“${NEW_TEST.title}” is validated`,
      );
      expect(
        (await notificationsOf(BLUE, id)).map(n => n.payload.title),
      ).toContain(`“${NEW_TEST.title}” is validated`);

      // Validated: the work and votes are frozen, remediation and the
      // ATT&CK mapping stay open.
      const version = validated.body.version;
      expect(
        (await as(RED).patch(`/tests/${id}/red`, { notes: 'x', version }))
          .status,
      ).toBe(409);
      expect(
        (
          await as(RED_LEAD).post(`/tests/${id}/validate-red`, {
            decision: 'reject',
            comment: 'too late',
          })
        ).status,
      ).toBe(409);
      const retitled = await as(ADMIN).patch(`/tests/${id}`, {
        title: 'New title',
        version,
      });
      expect(retitled.status).toBe(409);
      expect(retitled.body.error.message).toContain('only its techniques');
      const remapped = await as(ADMIN).patch(`/tests/${id}`, {
        techniques: ['T1059.001'],
        version,
      });
      expect(remapped.status).toBe(200);
      expect(remapped.body.techniques).toEqual(['T1059.001']);

      const remediation = await as(BLUE).patch(`/tests/${id}/remediation`, {
        version: remapped.body.version,
        status: 'in_progress',
        owner: 'group:default/platform-team',
        dueDate: '2027-01-31',
        steps: [
          { title: 'Block encoded PowerShell', status: 'done' },
          { title: 'Alert on download cradles', status: 'open' },
        ],
      });
      expect(remediation.status).toBe(200);
      expect(remediation.body.remediation).toMatchObject({
        status: 'in_progress',
        owner: 'group:default/platform-team',
        updatedBy: ref(BLUE),
      });
      // platform-team's member is told the remediation is theirs.
      expect(
        (await notificationsOf(VIEWER, id)).map(n => n.payload.title),
      ).toEqual([`Remediation of “${NEW_TEST.title}” is yours`]);

      // The timeline tells the whole story, in order.
      const timeline = await as(VIEWER).get(`/tests/${id}/timeline`);
      expect(
        timeline.body.items.map(
          (e: { actor: string; action: string }) => `${e.actor} ${e.action}`,
        ),
      ).toEqual([
        `${ref(RED)} test.create`,
        `${ref(RED)} test.start-execution`,
        `${ref(RED)} test.red.update`,
        `${ref(RED)} evidence.upload`,
        `${ref(RED)} test.submit-red`,
        `${ref(BLUE)} test.blue.update`,
        `${ref(BLUE)} test.submit-blue`,
        `${ref(RED_LEAD)} test.validate-red`,
        `${ref(RED_LEAD)} test.validate-red`,
        `${ref(BLUE_LEAD)} test.validate-blue`,
        `${ref(ADMIN)} test.update`,
        `${ref(BLUE)} test.remediation.update`,
      ]);
      expect(timeline.body.items[10]).toMatchObject({
        before: { techniques: ['T1059'] },
        after: { techniques: ['T1059.001'] },
      });
    });

    it('rejects, reopens into a new round and keeps the earlier one read-only', async () => {
      const id = await inReview();
      const rejected = await as(BLUE_LEAD).post(`/tests/${id}/validate-blue`, {
        decision: 'reject',
        comment: 'No alert reached the SOC',
      });
      expect(rejected.body).toMatchObject({ state: 'rejected' });
      expect((await as(RED).get(`/tests/${id}`)).body.allowedActions).toEqual(
        [],
      );
      expect(
        (await as(RED_LEAD).get(`/tests/${id}`)).body.allowedActions,
      ).toEqual(['reopen']);

      const refused = await as(RED).post(`/tests/${id}/reopen`);
      expect(refused.status).toBe(403);
      const reopened = await as(RED_LEAD).post(`/tests/${id}/reopen`, {
        comment: 'Retry after tuning',
      });
      expect(reopened.body).toMatchObject({
        state: 'draft',
        round: 2,
        current: { round: 2, red: { actors: [] }, votes: {} },
        history: [
          {
            round: 1,
            red: { submittedBy: ref(RED) },
            blue: { submittedBy: ref(BLUE) },
            votes: { blue: { decision: 'reject' } },
          },
        ],
      });
      expect(
        (await notificationsOf(RED, id)).map(n => n.payload.title),
      ).toContain(`“${NEW_TEST.title}” was reopened`);

      // A transition from the wrong state names the state and what the
      // caller may do instead.
      const wrong = await as(RED).post(`/tests/${id}/submit-red`);
      expect(wrong.status).toBe(409);
      expect(wrong.body.error.message).toContain(
        'is draft: submit-red starts only from red_executing. Allowed for you now: start-execution',
      );
    });

    it('keeps the two votes apart from each other and from the people who did the work', async () => {
      // The admin created this one, so the admin may not vote on it.
      const byAdmin = await inReview(ADMIN);
      const own = await as(ADMIN).post(`/tests/${byAdmin}/validate-red`, {
        decision: 'approve',
        comment: 'mine',
        overrideReason: 'lead away',
      });
      expect(own.status).toBe(403);
      expect(own.body.error.message).toContain('Separation of duties');

      // An admin votes in a lead's place only with a reason, marked.
      const id = await inReview();
      const noReason = await as(ADMIN).post(`/tests/${id}/validate-red`, {
        decision: 'approve',
        comment: 'ok',
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toContain('overrideReason');
      const override = await as(ADMIN).post(`/tests/${id}/validate-red`, {
        decision: 'approve',
        comment: 'ok',
        overrideReason: 'Red lead on leave',
      });
      expect(override.body.current.votes.red).toMatchObject({
        voter: ref(ADMIN),
        override: true,
        overrideReason: 'Red lead on leave',
      });
      // ...and the same admin may not cast the other vote too.
      const both = await as(ADMIN).post(`/tests/${id}/validate-blue`, {
        decision: 'approve',
        comment: 'ok',
        overrideReason: 'Blue lead on leave',
      });
      expect(both.status).toBe(403);
      expect(both.body.error.message).toContain('two different people');
    });

    it('lets only the creator of a test make general edits, as the policy conditions', async () => {
      const { id, version } = await create(RED);
      const other = await as(OTHER_RED).patch(`/tests/${id}`, {
        title: 'Hijacked',
        version,
      });
      expect(other.status).toBe(403);
      expect(other.body.error.message).toContain('aegis.test.update');
      expect(
        (await as(OTHER_RED).get(`/tests/${id}`)).body.editableSections,
      ).not.toContain('general');

      // The same condition, applied in the list's SQL.
      const editable = async (user: string) =>
        (await as(user).get('/tests?editable=true&limit=200')).body.items.map(
          (t: { id: string }) => t.id,
        );
      expect(await editable(RED)).toContain(id);
      expect(await editable(OTHER_RED)).not.toContain(id);
      expect(await editable(ADMIN)).toContain(id);
      expect(await editable(VIEWER)).toEqual([]);

      const own = await as(RED).patch(`/tests/${id}`, {
        title: 'Renamed',
        version,
      });
      expect(own.status).toBe(200);
      expect(own.body.title).toBe('Renamed');
    });

    it('hides a blind test from blue roles until red submits', async () => {
      const { id } = await create(RED, {
        ...NEW_TEST,
        title: 'Blind phishing run',
        blind: true,
      });
      const listed = async (user: string) =>
        (await as(user).get('/tests?limit=200')).body.items.map(
          (t: { id: string }) => t.id,
        );

      for (const user of [BLUE, BLUE_LEAD]) {
        expect(await listed(user)).not.toContain(id);
        expect((await as(user).get(`/tests/${id}`)).status).toBe(404);
        expect((await as(user).get(`/tests/${id}/timeline`)).status).toBe(404);
      }
      for (const user of [RED, RED_LEAD, ADMIN, VIEWER]) {
        expect(await listed(user)).toContain(id);
      }

      await as(RED).post(`/tests/${id}/start-execution`).expect(200);
      const { version } = (await as(RED).get(`/tests/${id}`)).body;
      await as(RED)
        .patch(`/tests/${id}/red`, { ...RED_WORK, version })
        .expect(200);
      await uploadRed(id);
      await as(RED).post(`/tests/${id}/submit-red`).expect(200);

      expect(await listed(BLUE)).toContain(id);
      expect((await as(BLUE).get(`/tests/${id}`)).body.allowedActions).toEqual([
        'submit-blue',
      ]);
    });

    it('filters, sorts and pages the list in the database', async () => {
      const { id } = await create(RED, {
        ...NEW_TEST,
        title: 'Masquerading as svchost',
        techniques: ['T1036'],
        platform: 'Linux',
        targets: ['sso-gateway'],
        severity: 'low',
      });
      const ids = async (query: string) =>
        (await as(VIEWER).get(`/tests?${query}`).expect(200)).body.items.map(
          (t: { id: string }) => t.id,
        );

      expect(await ids('technique=t1036')).toEqual([id]);
      expect(await ids('platform=linux&state=draft')).toEqual([id]);
      expect(await ids('target=sso-gateway')).toEqual([id]);
      expect(await ids('search=SVCHOST')).toEqual([id]);
      expect(await ids(`creator=${OTHER_RED}`)).toEqual([]);

      const bySeverity = await as(VIEWER).get(
        '/tests?sort=severity&order=asc&limit=1',
      );
      expect(bySeverity.body.items[0].severity).toBe('low');
      expect(bySeverity.body.total).toBeGreaterThan(1);

      const bad = await as(VIEWER).get('/tests?state=done&limit=0');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/state.*limit/);
    });

    it('answers bad input with the offending field', async () => {
      const unknownTechnique = await as(RED).post('/tests', {
        ...NEW_TEST,
        techniques: ['T9999'],
      });
      expect(unknownTechnique.status).toBe(400);
      expect(unknownTechnique.body.error.message).toContain(
        'techniques: no ATT&CK technique T9999',
      );
      const unknownTarget = await as(RED).post('/tests', {
        ...NEW_TEST,
        targets: ['component:default/nowhere'],
      });
      expect(unknownTarget.body.error.message).toContain(
        'targets: not in the catalog: component:default/nowhere',
      );
      const missing = await as(RED).post('/tests', { title: '' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(
        /title.*techniques.*platform.*severity/s,
      );
      expect((await as(VIEWER).post('/tests', NEW_TEST)).status).toBe(403);
      expect((await as(RED).get('/tests/not-a-uuid')).status).toBe(400);
    });

    it('always ends validated when both leads approve at the same instant', async () => {
      const ids = await Promise.all(
        Array.from({ length: 20 }, () => inReview()),
      );
      await Promise.all(
        ids.flatMap((id, index) => {
          const votes = [
            as(RED_LEAD).post(`/tests/${id}/validate-red`, {
              decision: 'approve',
              comment: 'ok',
            }),
            as(BLUE_LEAD).post(`/tests/${id}/validate-blue`, {
              decision: 'approve',
              comment: 'ok',
            }),
          ];
          // Alternate which vote is sent first.
          return index % 2 ? votes : votes.reverse();
        }),
      );
      for (const id of ids) {
        expect((await as(VIEWER).get(`/tests/${id}`)).body.state).toBe(
          'validated',
        );
      }
    });

    it('moves a test once when the same submit arrives twice at once', async () => {
      const { id } = await create();
      await as(RED).post(`/tests/${id}/start-execution`).expect(200);
      const { version } = (await as(RED).get(`/tests/${id}`)).body;
      await as(RED)
        .patch(`/tests/${id}/red`, { ...RED_WORK, version })
        .expect(200);
      await uploadRed(id);

      const statuses = (
        await Promise.all(
          Array.from({ length: 5 }, () =>
            as(RED).post(`/tests/${id}/submit-red`),
          ),
        )
      ).map(response => response.status);

      expect(statuses.sort()).toEqual([200, 409, 409, 409, 409]);
      const timeline = await as(RED).get(`/tests/${id}/timeline`);
      expect(
        timeline.body.items.filter(
          (e: { action: string }) => e.action === 'test.submit-red',
        ),
      ).toHaveLength(1);
    });
  },
);
