import type { ResponseError } from '@backstage/errors';

function isResponseError(error: unknown): error is ResponseError {
  return error instanceof Error && error.name === 'ResponseError';
}

/**
 * What went wrong, in the backend's own words when it answered with an error
 * body (such as "cannot remove the last admin"), else the error's message.
 */
export function describeError(error: unknown): string {
  if (isResponseError(error)) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Whether the backend refused the request because of missing permissions. */
export function isForbidden(error: unknown): boolean {
  return isResponseError(error) && error.statusCode === 403;
}

/** Whether the backend answered that the requested item does not exist. */
export function isNotFound(error: unknown): boolean {
  return isResponseError(error) && error.statusCode === 404;
}

/** Whether the backend refused a change made to an outdated version. */
export function isConflict(error: unknown): boolean {
  return isResponseError(error) && error.statusCode === 409;
}
