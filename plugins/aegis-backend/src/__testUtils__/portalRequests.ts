import request from 'supertest';
import { startAegisPortal } from './startAegisPortal';

type Portal = Awaited<ReturnType<typeof startAegisPortal>>;

/**
 * Requests to the Aegis API of a test portal as demo users, with their real
 * tokens; `portal` is read at each call, so it may be started in beforeAll.
 */
export function portalRequests(portal: () => Portal) {
  const tokens = new Map<string, string>();
  return {
    /** Signs the users in once; their tokens are then reused. */
    async signIn(...users: string[]) {
      for (const user of users) {
        tokens.set(user, await portal().userToken(user));
      }
    },
    token: (user: string) => tokens.get(user)!,
    api: (
      method: 'get' | 'post' | 'patch' | 'delete',
      path: string,
      user: string,
    ) =>
      request(portal().server)
        [method](`/api/aegis${path}`)
        .set('Authorization', `Bearer ${tokens.get(user)}`),
  };
}
