import { aegisTestReadPermission } from '@aegis-security/plugin-aegis-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { Request } from 'express';
import { actorOf } from '../lib/authorize';
import { RouteContext } from '../service/types';
import { Caller } from './TestWorkflow';

/**
 * The test a request names, if the caller may see it, with the caller's
 * decisions on it. A test hidden from the caller is answered as missing, not
 * forbidden, so that a blind test's existence does not leak.
 */
export async function visibleTest(
  context: RouteContext,
  id: string,
  credentials: BackstageCredentials,
) {
  const decisions = await context.testAccess.decide(credentials);
  if (decisions.deniesAll(aegisTestReadPermission)) {
    throw new NotAllowedError(
      `Missing permission ${aegisTestReadPermission.name} for this action`,
    );
  }
  const test = await context.testRepository.get(id);
  if (!test || !decisions.allows(aegisTestReadPermission, test.facts)) {
    throw new NotFoundError(`No test ${id}`);
  }
  return { decisions, test };
}

/**
 * Who makes a request, for the workflow and the audit log; with their roles
 * when a decision depends on them (votes, deletions by admins).
 */
export async function callerOf(
  context: RouteContext,
  req: Request,
  credentials: BackstageCredentials,
  withRoles = false,
): Promise<Caller> {
  const isUser = (credentials.principal as { type: string }).type === 'user';
  const ref = actorOf(credentials);
  return {
    ref,
    isUser,
    roles:
      withRoles && isUser
        ? (await context.userAdministration.resolve(ref)).roles.map(
            assignment => assignment.role,
          )
        : [],
    requestId: req.get('x-request-id') ?? undefined,
  };
}
