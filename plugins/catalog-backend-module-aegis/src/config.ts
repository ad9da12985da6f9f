import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';

/** Settings of the catalog module, from `aegis.catalog`. */
export interface AegisCatalogConfig {
  /** Full entity ref of the owner of every entity. */
  owner: string;
  refreshInterval: HumanDuration;
  /** The portal's address, for links from an entity to its Aegis page. */
  appBaseUrl?: string;
}

const DEFAULTS = {
  owner: 'group:default/security',
  refreshInterval: { seconds: 30 },
};

/** Reads `aegis.catalog`, failing with the name of a bad key. */
export function readAegisCatalogConfig(config: Config): AegisCatalogConfig {
  const ownerKey = 'aegis.catalog.owner';
  const owner = config.getOptionalString(ownerKey) ?? DEFAULTS.owner;
  let ownerRef: string;
  try {
    ownerRef = stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `Invalid config at ${ownerKey}: '${owner}' is not an entity ref`,
      error,
    );
  }

  const intervalKey = 'aegis.catalog.refreshInterval';
  const refreshInterval = config.has(intervalKey)
    ? readDurationFromConfig(config, { key: intervalKey })
    : DEFAULTS.refreshInterval;

  return {
    owner: ownerRef,
    refreshInterval,
    appBaseUrl: config.getOptionalString('app.baseUrl')?.replace(/\/+$/, ''),
  };
}
