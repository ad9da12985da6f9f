import {
  aegisReportReadPermission,
  aegisTestCreatePermission,
  aegisTestReadPermission,
  TEST_ACTIONS,
  TEST_SECTION_RULES,
  TEST_TRANSITIONS,
  TestAction,
  TestSection,
  TestState,
} from '@aegis-security/plugin-aegis-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { audited } from '../lib/auditor';
import { actorOf, requirePermission } from '../lib/authorize';
import { parseRequest } from '../lib/validation';
import { RouteContext } from '../service/types';
import {
  blueBody,
  createBody,
  idParam,
  listQuery,
  redBody,
  remediationBody,
  transitionBody,
  updateBody,
  voteBody,
} from './requestSchemas';
import { TestDecisions } from './TestAccess';
import { StoredTest, TestFilter } from './TestRepository';
import { Caller, TestChange, WrongStateError } from './TestWorkflow';
import { callerOf, visibleTest } from './visibility';

/** Routes of security tests and their red/blue validation workflow. */
export function registerTestRoutes(context: RouteContext): void {
  const { router, httpAuth, testAccess, testRepository, testWorkflow } =
    context;

  /** The test the path names, if the caller may see it, with decisions. */
  async function visible(req: Request) {
    const { id } = parseRequest(idParam, req.params, 'path');
    const credentials = await httpAuth.credentials(req);
    return { credentials, ...(await visibleTest(context, id, credentials)) };
  }

  function require(
    decisions: TestDecisions,
    permission: ResourcePermission,
    test: StoredTest,
  ) {
    if (!decisions.allows(permission, test.facts)) {
      throw new NotAllowedError(
        `Missing permission ${permission.name} for test ${test.id}`,
      );
    }
  }

  /** Runs a change as an auditor event, notifies, and answers the test. */
  async function change(
    req: Request,
    action: string,
    meta: Record<string, string>,
    credentials: BackstageCredentials,
    run: () => Promise<TestChange>,
  ) {
    const result = await audited(
      context.auditor,
      { eventId: 'test', request: req, meta: { action, ...meta } },
      run,
    );
    await context.testNotifier.changed(action, result, actorOf(credentials));
    return viewOf(result.after, await testAccess.decide(credentials));
  }

  router.get('/tests', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const decisions = await testAccess.decide(credentials);
    if (decisions.deniesAll(aegisTestReadPermission)) {
      throw new NotAllowedError(
        `Missing permission ${aegisTestReadPermission.name} for this action`,
      );
    }
    const query = parseRequest(listQuery, req.query, 'query');
    const readCriteria = decisions.criteriaFor(aegisTestReadPermission);
    let states = query.state as TestState[] | undefined;
    let criteria = readCriteria;
    if (query.editable) {
      // Tests whose general fields the caller may edit: the update
      // permission's condition (the creator's, for red techs) in SQL.
      const update = TEST_SECTION_RULES.general;
      if (decisions.deniesAll(update.permission)) {
        res.json({ items: [], total: 0 });
        return;
      }
      states = (states ?? [...update.states]).filter(state =>
        update.states.includes(state),
      );
      const updateCriteria = decisions.criteriaFor(update.permission);
      criteria =
        readCriteria && updateCriteria
          ? { allOf: [readCriteria, updateCriteria] }
          : readCriteria ?? updateCriteria;
      if (!states.length) {
        res.json({ items: [], total: 0 });
        return;
      }
    }
    const filter: TestFilter = {
      states,
      technique: query.technique,
      platform: query.platform,
      creator: query.creator,
      target: query.target,
      pendingValidationSide: query.pending_validation_side,
      needsRemap: query.needs_remap,
      search: query.search,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
      criteria,
    };
    // Keyed by the policy's decisions, not by the criteria (SQL functions):
    // callers share an answer only when they may list the same tests.
    const key = [
      'tests',
      decisions.cacheKey(
        aegisTestReadPermission,
        ...(query.editable ? [TEST_SECTION_RULES.general.permission] : []),
      ),
      { ...filter, criteria: undefined },
    ];
    await context.readCache.sendJson(req, res, key, () =>
      testRepository.list(filter),
    );
  });

  router.post('/tests', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisTestCreatePermission,
    );
    const body = parseRequest(createBody, req.body, 'body');
    const caller = await callerOf(context, req, credentials);
    const view = await change(req, 'create', {}, credentials, () =>
      testWorkflow.create(body, caller),
    );
    res.status(201).location(`tests/${view.id}`).json(view);
  });

  router.get('/tests/:id', async (req, res) => {
    const { test, decisions } = await visible(req);
    res.json(viewOf(test, decisions));
  });

  router.patch('/tests/:id', async (req, res) => {
    const { test, decisions, credentials } = await visible(req);
    require(decisions, TEST_SECTION_RULES.general.permission, test);
    const { version: bodyVersion, ...fields } = parseRequest(
      updateBody,
      req.body,
      'body',
    );
    const caller = await callerOf(context, req, credentials);
    res.json(
      await change(req, 'update', { testId: test.id }, credentials, () =>
        testWorkflow.updateGeneral(
          test.id,
          versionOf(req, bodyVersion),
          fields,
          caller,
        ),
      ),
    );
  });

  const sections: Array<{
    section: Exclude<TestSection, 'general'>;
    run: (id: string, req: Request, caller: Caller) => Promise<TestChange>;
  }> = [
    {
      section: 'red',
      run: (id, req, caller) => {
        const { version: v, ...fields } = parseRequest(
          redBody,
          req.body,
          'body',
        );
        return testWorkflow.updateRed(id, versionOf(req, v), fields, caller);
      },
    },
    {
      section: 'blue',
      run: (id, req, caller) => {
        const { version: v, ...fields } = parseRequest(
          blueBody,
          req.body,
          'body',
        );
        return testWorkflow.updateBlue(id, versionOf(req, v), fields, caller);
      },
    },
    {
      section: 'remediation',
      run: (id, req, caller) => {
        const { version: v, ...fields } = parseRequest(
          remediationBody,
          req.body,
          'body',
        );
        return testWorkflow.updateRemediation(
          id,
          versionOf(req, v),
          fields,
          caller,
        );
      },
    },
  ];
  for (const { section, run } of sections) {
    router.patch(`/tests/:id/${section}`, async (req, res) => {
      const { test, decisions, credentials } = await visible(req);
      require(decisions, TEST_SECTION_RULES[section].permission, test);
      const caller = await callerOf(context, req, credentials);
      res.json(
        await change(req, section, { testId: test.id }, credentials, () =>
          run(test.id, req, caller),
        ),
      );
    });
  }

  for (const action of TEST_ACTIONS) {
    router.post(`/tests/:id/${action}`, async (req, res) => {
      const { test, decisions, credentials } = await visible(req);
      require(decisions, TEST_TRANSITIONS[action].permission, test);
      const isVote = action === 'validate-red' || action === 'validate-blue';
      const caller = await callerOf(context, req, credentials, isVote);
      const run = () => {
        if (isVote) {
          const vote = parseRequest(voteBody, req.body, 'body');
          return testWorkflow.vote(
            test.id,
            action === 'validate-red' ? 'red' : 'blue',
            vote,
            caller,
          );
        }
        const { comment } = parseRequest(transitionBody, req.body, 'body');
        return testWorkflow.transition(test.id, action, caller, comment);
      };
      try {
        res.json(
          await change(req, action, { testId: test.id }, credentials, run),
        );
      } catch (error) {
        if (error instanceof WrongStateError) {
          throw new ConflictError(
            `${error.message}. Allowed for you now: ${describeActions(
              decisions.allowedActions({ ...test.facts, state: error.state }),
            )}`,
          );
        }
        throw error;
      }
    });
  }

  router.get('/tests/:id/timeline', async (req, res) => {
    await requirePermission(context, req, aegisReportReadPermission);
    const { test } = await visible(req);
    const records = await context.auditStore.history('test', test.id);
    res.json({
      items: records.map(record => ({
        id: record.id,
        occurredAt: record.occurredAt,
        actor: record.actor,
        action: record.action,
        before: record.before,
        after: record.after,
      })),
    });
  });
}

/** The test as answered: what is stored plus what the caller may do. */
export function viewOf(test: StoredTest, decisions: TestDecisions) {
  const { facts, ...rest } = test;
  const subject = { ...facts, state: test.state };
  return {
    ...rest,
    allowedActions: decisions.allowedActions(subject),
    editableSections: decisions.editableSections(subject),
  };
}

/**
 * The version the caller read, from the body or an `If-Match` header
 * (`"3"`, `W/"3"` or `3`).
 */
function versionOf(req: Request, bodyVersion: number | undefined): number {
  const header = req.get('if-match');
  if (header !== undefined) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
    if (!match) {
      throw new InputError(
        `Invalid header: If-Match: '${header}' is not a test version`,
      );
    }
    const fromHeader = Number(match[1]);
    if (bodyVersion !== undefined && bodyVersion !== fromHeader) {
      throw new InputError(
        'Invalid body: version: differs from the If-Match header',
      );
    }
    return fromHeader;
  }
  if (bodyVersion === undefined) {
    throw new InputError(
      'Invalid body: version: required (the version you read), in the body or an If-Match header',
    );
  }
  return bodyVersion;
}

function describeActions(actions: TestAction[]): string {
  return actions.length ? actions.join(', ') : 'none';
}
