/**
 * Development-only sign-in as a catalog user, for trying Aegis locally and for
 * scripts that need a user token.
 *
 * @packageDocumentation
 */

export { authModuleAegisDevProvider as default } from './module';
export { AEGIS_DEV_USER_HEADER, AEGIS_DEV_PROVIDER_ID } from './constants';
