import {
  aegisTemplateCreatePermission,
  aegisTemplateReadPermission,
  aegisTemplateStatsReadPermission,
  aegisTemplateUpdatePermission,
  aegisTestCreatePermission,
  TEST_SEVERITIES,
} from '@aegis-security/plugin-aegis-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { Request } from 'express';
import { z } from 'zod';
import { audited } from '../lib/auditor';
import { requirePermission } from '../lib/authorize';
import {
  entityRef,
  mitreId,
  parseRequest,
  queryInteger,
  queryOffset,
} from '../lib/validation';
import { RouteContext } from '../service/types';
import { checkTechniques } from '../tests/techniques';
import { viewOf } from '../tests/routes';
import { callerOf } from '../tests/visibility';
import {
  TemplateFacts,
  TemplateQuery,
  templateResourceRef,
} from './permissionRules';
import { factsOf } from './TemplateStore';

const text = z.string().max(20_000);

const templateFields = {
  name: z.string().trim().min(1).max(200),
  description: text.optional(),
  techniques: z.array(mitreId).min(1).max(50),
  platform: z.string().trim().min(1).max(100),
  severity: z.enum(TEST_SEVERITIES),
  procedure: text.optional(),
  tools: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  expectedDetection: text.optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
};

const createBody = z.strictObject(templateFields);
const updateBody = z
  .strictObject({
    ...createBody.partial().shape,
    active: z.boolean().optional(),
    version: z.number().int().positive(),
  })
  .refine(body => Object.keys(body).some(key => key !== 'version'), {
    message: 'give at least one field to change',
  });

const fromTemplateBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  platform: z.string().trim().min(1).max(100).optional(),
  severity: z.enum(TEST_SEVERITIES).optional(),
  targets: z.array(entityRef('component')).max(100).optional(),
  blind: z.boolean().optional(),
});

const listQuery = z.strictObject({
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  technique: mitreId.optional(),
  search: z.string().trim().min(1).max(200).optional(),
  limit: queryInteger({ min: 1, max: 200, default: 50 }),
  offset: queryOffset(),
});

const idParam = z.strictObject({ id: z.uuid('not a template id') });

/**
 * Routes of test templates. Users who do not administer templates see the
 * active ones only: the policy answers a conditional decision that the list
 * turns into SQL.
 */
export function registerTemplateRoutes(context: RouteContext): void {
  const { router, httpAuth, permissions, templateStore } = context;
  // The ruleset is complete once every plugin has started.
  let ruleset:
    | PermissionRuleset<TemplateFacts, TemplateQuery, 'aegis-template'>
    | undefined;
  const rules = () =>
    (ruleset ??=
      context.permissionsRegistry.getPermissionRuleset(templateResourceRef));

  async function decide(credentials: BackstageCredentials) {
    const [read, update] = await permissions.authorizeConditional(
      [
        { permission: aegisTemplateReadPermission },
        { permission: aegisTemplateUpdatePermission },
      ],
      { credentials },
    );
    const authorizer = createConditionAuthorizer(rules());
    return {
      read,
      allows: (decision: PolicyDecision, facts: TemplateFacts) =>
        authorizer(decision, facts),
      update,
    };
  }

  async function visibleTemplate(
    req: Request,
    credentials: BackstageCredentials,
  ) {
    const { id } = parseRequest(idParam, req.params, 'path');
    const decisions = await decide(credentials);
    if (decisions.read.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Missing permission ${aegisTemplateReadPermission.name} for this action`,
      );
    }
    const template = await templateStore.get(id);
    if (!template || !decisions.allows(decisions.read, factsOf(template))) {
      throw new NotFoundError(`No template ${id}`);
    }
    return { template, decisions };
  }

  router.get('/templates', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { read } = await decide(credentials);
    if (read.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Missing permission ${aegisTemplateReadPermission.name} for this action`,
      );
    }
    const query = parseRequest(listQuery, req.query, 'query');
    res.json(
      await templateStore.list({
        ...query,
        criteria:
          read.result === AuthorizeResult.CONDITIONAL
            ? createConditionTransformer(rules())(read.conditions)
            : undefined,
      }),
    );
  });

  router.get('/templates/stats', async (req, res) => {
    await requirePermission(context, req, aegisTemplateStatsReadPermission);
    res.json({ items: await templateStore.stats() });
  });

  router.post('/templates', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisTemplateCreatePermission,
    );
    const body = parseRequest(createBody, req.body, 'body');
    await checkTechniques(context.db, body.techniques);
    const caller = await callerOf(context, req, credentials);
    const template = await audited(
      context.auditor,
      { eventId: 'template', request: req, meta: { action: 'create' } },
      () => templateStore.create(body, caller),
    );
    res.status(201).json(template);
  });

  router.get('/templates/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { template } = await visibleTemplate(req, credentials);
    res.json(template);
  });

  router.patch('/templates/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { template, decisions } = await visibleTemplate(req, credentials);
    if (!decisions.allows(decisions.update, factsOf(template))) {
      throw new NotAllowedError(
        `Missing permission ${aegisTemplateUpdatePermission.name} for this action`,
      );
    }
    const body = parseRequest(updateBody, req.body, 'body');
    if (body.techniques) await checkTechniques(context.db, body.techniques);
    const caller = await callerOf(context, req, credentials);
    res.json(
      await audited(
        context.auditor,
        {
          eventId: 'template',
          request: req,
          meta: { action: 'update', templateId: template.id },
        },
        () => templateStore.update(template.id, body, caller),
      ),
    );
  });

  router.post('/templates/:id/tests', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisTestCreatePermission,
    );
    const { template } = await visibleTemplate(req, credentials);
    if (!template.active) {
      throw new ConflictError(
        `Template ${template.id} is deactivated: no new test may start from it`,
      );
    }
    const body = parseRequest(fromTemplateBody, req.body ?? {}, 'body');
    const caller = await callerOf(context, req, credentials);
    const change = await audited(
      context.auditor,
      {
        eventId: 'test',
        request: req,
        meta: { action: 'create', templateId: template.id },
      },
      () =>
        context.testWorkflow.create(
          {
            title: body.title ?? template.name,
            description: template.description,
            techniques: template.techniques,
            platform: body.platform ?? template.platform,
            severity: body.severity ?? template.severity,
            procedure: template.procedure,
            tools: template.tools,
            expectedDetection: template.expectedDetection,
            tags: template.tags,
            targets: body.targets,
            blind: body.blind,
            templateId: template.id,
          },
          caller,
        ),
    );
    const view = viewOf(
      change.after,
      await context.testAccess.decide(credentials),
    );
    res.status(201).location(`../tests/${view.id}`).json(view);
  });
}
