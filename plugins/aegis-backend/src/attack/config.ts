import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ATTACK_DOMAINS, AttackDomain } from './stix/model';
import { DEFAULT_MAX_BUNDLE_BYTES } from './stix/readBundleFile';
import { GitHubSettings } from './sources/GitHubBundleSource';
import { MITRE_COLLECTIONS, TaxiiSettings } from './sources/TaxiiBundleSource';

/** Settings of the ATT&CK sync, from `aegis.attack`. */
export interface AttackConfig {
  domains: AttackDomain[];
  /** Bundle file per domain, for air-gapped portals and development. */
  files: Partial<Record<AttackDomain, string>>;
  /** The TAXII 2.1 server, tried first; absent unless configured. */
  taxii?: TaxiiSettings;
  /** The attack-stix-data repository, tried second; absent unless configured. */
  github?: GitHubSettings;
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

  const taxiiConfig = attack?.getOptionalConfig('sources.taxii');
  const taxii: TaxiiSettings | undefined = taxiiConfig && {
    url:
      taxiiConfig.getOptionalString('url') ?? 'https://attack-taxii.mitre.org',
    apiRoot: taxiiConfig.getOptionalString('apiRoot') ?? '/api/v21/',
    collections: {
      ...MITRE_COLLECTIONS,
      ...Object.fromEntries(
        (taxiiConfig.getOptionalConfig('collections')?.keys() ?? []).map(
          key => [key, taxiiConfig.getString(`collections.${key}`)],
        ),
      ),
    },
    pageSize: taxiiConfig.getOptionalNumber('pageSize') ?? 1000,
    maxRequests: taxiiConfig.getOptionalNumber('requestsPerWindow') ?? 50,
    windowMs: (taxiiConfig.getOptionalNumber('windowSeconds') ?? 600) * 1000,
    timeoutMs: (taxiiConfig.getOptionalNumber('timeoutSeconds') ?? 60) * 1000,
    retries: taxiiConfig.getOptionalNumber('retries') ?? 3,
  };

  const maxBundleBytes =
    attack?.getOptionalNumber('maxBundleBytes') ?? DEFAULT_MAX_BUNDLE_BYTES;
  const githubConfig = attack?.getOptionalConfig('sources.github');
  const github: GitHubSettings | undefined = githubConfig && {
    indexUrl:
      githubConfig.getOptionalString('indexUrl') ??
      'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/index.json',
    versions: Object.fromEntries(
      (githubConfig.getOptionalConfig('versions')?.keys() ?? []).map(key => [
        key,
        githubConfig.getString(`versions.${key}`),
      ]),
    ),
    timeoutMs: (githubConfig.getOptionalNumber('timeoutSeconds') ?? 120) * 1000,
    maxBytes: maxBundleBytes,
  };

  return {
    domains: domains as AttackDomain[],
    files,
    taxii,
    github,
    maxBundleBytes,
  };
}
