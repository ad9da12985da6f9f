import { Config } from '@backstage/config';
import { AEGIS_DEV_PROVIDER_ID } from './constants';

/**
 * Decides whether the development sign-in runs. It is configured per auth
 * environment, as Backstage's OAuth providers are
 * (`auth.providers.aegis-dev.development`), runs only in the environment the
 * portal is in, and refuses anything that would run it in production.
 */
export function isDevSignInActive(
  config: Config,
  nodeEnv: string | undefined,
): boolean {
  const providerConfig = config.getOptionalConfig(
    `auth.providers.${AEGIS_DEV_PROVIDER_ID}`,
  );
  if (!providerConfig) {
    return false;
  }
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';

  if (environment === 'production' || providerConfig.has('production')) {
    if (providerConfig.has('production')) {
      throw new Error(
        `The ${AEGIS_DEV_PROVIDER_ID} sign-in lets anyone act as any user and must never be configured for production: remove auth.providers.${AEGIS_DEV_PROVIDER_ID}.production`,
      );
    }
    return false;
  }
  const active = providerConfig.has(environment);
  if (active && nodeEnv === 'production') {
    throw new Error(
      `The ${AEGIS_DEV_PROVIDER_ID} sign-in lets anyone act as any user and refuses to run with NODE_ENV=production`,
    );
  }
  return active;
}
