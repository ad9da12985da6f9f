import { InputError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';
import { AEGIS_DEV_USER_HEADER } from './constants';

/** Who the caller asked to sign in as. */
export interface DevSignInResult {
  userName: string;
}

const NAME_PATTERN = /^(?:user:(?:[a-z0-9._-]+\/)?)?([a-z0-9._-]{1,63})$/i;

/**
 * Reads the requested user from the `x-aegis-dev-user` header, or from the
 * `user` query parameter for a quick call from a terminal.
 */
export const devSignInAuthenticator = createProxyAuthenticator<
  unknown,
  DevSignInResult,
  undefined
>({
  defaultProfileTransform: async result => ({
    profile: { displayName: result.userName },
  }),
  initialize() {
    return undefined;
  },
  async authenticate({ req }) {
    const requested = req.header(AEGIS_DEV_USER_HEADER) ?? req.query.user;
    if (typeof requested !== 'string' || requested.length === 0) {
      throw new InputError(
        `Name the user to sign in as in the ${AEGIS_DEV_USER_HEADER} header`,
      );
    }
    const match = NAME_PATTERN.exec(requested);
    if (!match) {
      throw new InputError(
        `${AEGIS_DEV_USER_HEADER} must be a user name or user entity ref`,
      );
    }
    return { result: { userName: match[1] } };
  },
});
