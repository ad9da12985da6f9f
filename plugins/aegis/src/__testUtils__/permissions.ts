import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';

/** A permission API that allows exactly the named permissions. */
export function permissionsAllowing(...names: string[]) {
  return mockApis.permission({
    authorize: request =>
      names.includes(request.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
}
