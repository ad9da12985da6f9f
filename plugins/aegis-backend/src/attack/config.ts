import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ATTACK_DOMAINS, AttackDomain } from './stix/model';
import { DEFAULT_MAX_BUNDLE_BYTES } from './stix/readBundleFile';

/** Settings of the ATT&CK sync, from `aegis.attack`. */
export interface AttackConfig {
  domains: AttackDomain[];
  /** Bundle file per domain, for air-gapped portals and development. */
  files: Partial<Record<AttackDomain, string>>;
  maxBundleBytes: number;
}

/** The small offline bundle used when nothing else is configured. */
export const FIXTURE_BUNDLE = resolvePackagePath(
  '@aegis-security/plugin-aegis-backend',
  'src/attack/__fixtures__/attack-19-mini.json',
);

/** Reads `aegis.attack`, failing with the name of a bad key. */
export function readAttackConfig(config: Config): AttackConfig {
  const attack = config.getOptionalConfig('aegis.attack');

  const domains = attack?.getOptionalStringArray('domains') ?? [
    'enterprise-attack',
  ];
  for (const domain of domains) {
    if (!ATTACK_DOMAINS.includes(domain as AttackDomain)) {
      throw new Error(
        `Invalid config at aegis.attack.domains: '${domain}' is not one of ${ATTACK_DOMAINS.join(
          ', ',
        )}`,
      );
    }
  }

  const files: AttackConfig['files'] = {};
  const fileConfig = attack?.getOptionalConfig('sources.file');
  for (const key of fileConfig?.keys() ?? []) {
    if (!ATTACK_DOMAINS.includes(key as AttackDomain)) {
      throw new Error(
        `Invalid config at aegis.attack.sources.file.${key}: not an ATT&CK domain`,
      );
    }
    files[key as AttackDomain] = fileConfig!.getString(key);
  }

  return {
    domains: domains as AttackDomain[],
    files,
    maxBundleBytes:
      attack?.getOptionalNumber('maxBundleBytes') ?? DEFAULT_MAX_BUNDLE_BYTES,
  };
}
