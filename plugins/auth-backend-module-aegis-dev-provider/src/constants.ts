/**
 * The id of the development sign-in provider: its routes live under
 * `/api/auth/aegis-dev`.
 *
 * @public
 */
export const AEGIS_DEV_PROVIDER_ID = 'aegis-dev';

/**
 * The request header that names the user to sign in as, for example
 * `ada.admin` or `user:default/ada.admin`.
 *
 * @public
 */
export const AEGIS_DEV_USER_HEADER = 'x-aegis-dev-user';
