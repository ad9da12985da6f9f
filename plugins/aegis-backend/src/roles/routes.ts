import {
  AEGIS_ROLES,
  grantsForRoles,
  aegisUserCreatePermission,
  aegisUserReadPermission,
  aegisUserUpdatePermission,
} from '@aegis-security/plugin-aegis-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { Request } from 'express';
import { z } from 'zod';
import { audited } from '../lib/auditor';
import { actorOf, requirePermission } from '../lib/authorize';
import { parseRequest, queryInteger, queryOffset } from '../lib/validation';
import { RouteContext } from '../service/types';

const role = z.enum(AEGIS_ROLES);

const listQuery = z.strictObject({
  role: role.optional(),
  search: z.string().min(1).max(200).optional(),
  limit: queryInteger({ min: 1, max: 500, default: 100 }),
  offset: queryOffset(),
});

const createBody = z.strictObject({
  userEntityRef: z.string().min(1),
  roles: z.array(role).max(AEGIS_ROLES.length),
});

const updateBody = z
  .strictObject({
    roles: z.array(role).max(AEGIS_ROLES.length).optional(),
    active: z.boolean().optional(),
  })
  .refine(body => body.roles !== undefined || body.active !== undefined, {
    message: 'give roles, active or both',
  });

const policyQuery = z.strictObject({ userEntityRef: z.string().min(1) });

/** The permission plugin, the only caller of the role look-up for policies. */
const POLICY_SUBJECT = 'plugin:permission';

/** Routes of users, roles and the signed-in user. */
export function registerRoleRoutes(context: RouteContext): void {
  const { router, httpAuth, userAdministration } = context;

  router.get('/me', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const user = await userAdministration.resolve(
      credentials.principal.userEntityRef,
    );
    const roles = user.roles.map(assignment => assignment.role);
    res.json({
      userEntityRef: user.userEntityRef,
      displayName: user.displayName,
      active: user.active,
      roles,
      // The same grants the Aegis permission policy decides from.
      permissions: grantsForRoles(roles, context.accessOptions),
    });
  });

  router.get('/users', async (req, res) => {
    await requirePermission(context, req, aegisUserReadPermission);
    const query = parseRequest(listQuery, req.query, 'query');
    res.json(await userAdministration.list(query));
  });

  router.post('/users', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisUserCreatePermission,
    );
    const body = parseRequest(createBody, req.body, 'body');
    const userEntityRef = userRefFrom(body.userEntityRef, 'body');
    const user = await audited(
      context.auditor,
      {
        eventId: 'user-roles',
        request: req,
        meta: { action: 'create', userEntityRef, roles: body.roles },
      },
      () =>
        userAdministration.create(
          { ...body, userEntityRef },
          { actor: actorOf(credentials), requestId: requestIdOf(req) },
        ),
    );
    res.status(201).json(user);
  });

  router.get('/users/:id', async (req, res) => {
    await requirePermission(context, req, aegisUserReadPermission);
    res.json(await userAdministration.get(userRefFrom(req.params.id, 'path')));
  });

  router.patch('/users/:id', async (req, res) => {
    const credentials = await requirePermission(
      context,
      req,
      aegisUserUpdatePermission,
    );
    const body = parseRequest(updateBody, req.body, 'body');
    const userEntityRef = userRefFrom(req.params.id, 'path');
    const user = await audited(
      context.auditor,
      {
        eventId: 'user-roles',
        request: req,
        meta: { action: 'update', userEntityRef, ...body },
      },
      () =>
        userAdministration.update(userEntityRef, body, {
          actor: actorOf(credentials),
          requestId: requestIdOf(req),
        }),
    );
    res.json(user);
  });

  router.get('/policy/roles', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    if (credentials.principal.subject !== POLICY_SUBJECT) {
      throw new NotAllowedError(
        'Only the permission plugin may look up roles for a policy',
      );
    }
    const { userEntityRef } = parseRequest(policyQuery, req.query, 'query');
    const user = await userAdministration.resolve(
      userRefFrom(userEntityRef, 'query'),
    );
    res.json({
      userEntityRef: user.userEntityRef,
      active: user.active,
      roles: user.roles.map(assignment => assignment.role),
    });
  });
}

/** A user entity ref from a request, `name` meaning `user:default/name`. */
function userRefFrom(value: string, part: 'body' | 'path' | 'query'): string {
  const field = part === 'path' ? 'id' : 'userEntityRef';
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'user') {
      throw new Error(`kind ${ref.kind} is not User`);
    }
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `Invalid ${part}: ${field}: '${value}' is not a user entity ref (${
        (error as Error).message
      })`,
    );
  }
}

function requestIdOf(req: Request): string | undefined {
  return req.get('x-request-id') ?? undefined;
}
