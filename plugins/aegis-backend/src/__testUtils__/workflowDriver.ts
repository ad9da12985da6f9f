import type {
  ControlOutcome,
  TestState,
} from '@aegis-security/plugin-aegis-common';
import request from 'supertest';
import { startAegisPortal } from './startAegisPortal';

type Portal = Awaited<ReturnType<typeof startAegisPortal>>;

/** The demo users who take a test through the workflow. */
export const WORKFLOW_USERS = {
  red: 'rex.redtech',
  blue: 'bea.bluetech',
  redLead: 'rosa.redlead',
  blueLead: 'bo.bluelead',
};

/** A test to create and the state to take it to, through the HTTP API. */
export interface DrivenTest {
  title?: string;
  techniques: string[];
  platform?: string;
  targets?: string[];
  blind?: boolean;
  /** Blue's control results; the best one is the test's outcome. */
  controls?: ControlOutcome[];
  until: TestState;
}

/**
 * Takes tests through the red/blue workflow over HTTP as the demo red and
 * blue techs and leads, as people would: create, start, record and submit
 * red's work with evidence, record and submit blue's, then the leads' votes
 * (both approve for validated; the blue lead rejects for rejected).
 */
export function workflowDriver(portal: () => Portal) {
  async function send(
    user: string,
    method: 'get' | 'post' | 'patch',
    path: string,
    body?: object,
  ) {
    const call = request(portal().server)
      [method](`/api/aegis${path}`)
      .set('Authorization', `Bearer ${await portal().userToken(user)}`);
    const response = await (body === undefined ? call : call.send(body));
    if (response.status >= 300) {
      throw new Error(
        `${method.toUpperCase()} ${path} as ${user}: ${response.status} ${
          response.text
        }`,
      );
    }
    return response.body;
  }

  async function drive(test: DrivenTest): Promise<string> {
    const { red, blue, redLead, blueLead } = WORKFLOW_USERS;
    const created = await send(red, 'post', '/tests', {
      title: test.title ?? `Test of ${test.techniques.join(', ')}`,
      techniques: test.techniques,
      platform: test.platform ?? 'Windows',
      targets: test.targets ?? [],
      severity: 'high',
      blind: test.blind ?? false,
    });
    const id: string = created.id;
    if (test.until === 'draft') return id;

    await send(red, 'post', `/tests/${id}/start-execution`);
    if (test.until === 'red_executing') return id;

    const before = await send(red, 'get', `/tests/${id}`);
    await send(red, 'patch', `/tests/${id}/red`, {
      executedAt: '2026-12-01T10:00:00Z',
      commands: 'run the procedure',
      result: 'the procedure ran',
      version: before.version,
    });
    await request(portal().server)
      .post(`/api/aegis/tests/${id}/evidence?team=red`)
      .set('Authorization', `Bearer ${await portal().userToken(red)}`)
      .attach('file', Buffer.from(`red evidence of ${id}`), 'red.log')
      .expect(201);
    await send(red, 'post', `/tests/${id}/submit-red`);
    if (test.until === 'blue_evaluating') return id;

    const evaluating = await send(blue, 'get', `/tests/${id}`);
    await send(blue, 'patch', `/tests/${id}/blue`, {
      controls: test.controls ?? [{ control: 'EDR', result: 'alerted' }],
      version: evaluating.version,
    });
    await send(blue, 'post', `/tests/${id}/submit-blue`);
    if (test.until === 'in_review') return id;

    await send(redLead, 'post', `/tests/${id}/validate-red`, {
      decision: 'approve',
      comment: 'Red work is sound',
    });
    await send(blueLead, 'post', `/tests/${id}/validate-blue`, {
      decision: test.until === 'rejected' ? 'reject' : 'approve',
      comment:
        test.until === 'rejected' ? 'Detection not proven' : 'Detection holds',
    });
    return id;
  }

  return { drive, send };
}
