import { AttackDomain } from '../stix/model';
import { BundleSource, FetchedBundle } from './BundleSource';
import { MITRE_COLLECTIONS } from './TaxiiBundleSource';

/** Settings of the GitHub source, `aegis.attack.sources.github`. */
export interface GitHubSettings {
  /** The repository's `index.json`. */
  indexUrl: string;
  /** A pinned ATT&CK version per domain, such as `18.1`; else the newest. */
  versions: Partial<Record<AttackDomain, string>>;
  timeoutMs: number;
  /** Largest bundle read, in bytes. */
  maxBytes: number;
}

type IndexFile = {
  collections?: Array<{
    id?: string;
    name?: string;
    versions?: Array<{ version?: string; url?: string }>;
  }>;
};

/**
 * ATT&CK from the `mitre-attack/attack-stix-data` repository: its
 * `index.json` lists each domain's versions and their bundle URLs; Aegis
 * takes the pinned version, or the newest.
 */
export class GitHubBundleSource implements BundleSource {
  readonly name = 'github';

  constructor(private readonly settings: GitHubSettings) {}

  unavailableFor(): string | undefined {
    return undefined;
  }

  async fetch(domain: AttackDomain): Promise<FetchedBundle> {
    const index = (await this.getJson(this.settings.indexUrl)) as IndexFile;
    const collection = index.collections?.find(
      entry => entry.id === MITRE_COLLECTIONS[domain],
    );
    if (!collection?.versions?.length) {
      throw new Error(`index.json lists no versions of ${domain}`);
    }
    const pinned = this.settings.versions[domain];
    const chosen = pinned
      ? collection.versions.find(entry => entry.version === pinned)
      : [...collection.versions].sort((a, b) =>
          compareVersions(b.version ?? '', a.version ?? ''),
        )[0];
    if (!chosen?.url) {
      throw new Error(
        pinned
          ? `index.json has no ${domain} version ${pinned} (aegis.attack.sources.github.versions.${domain})`
          : `index.json gives no URL for the newest ${domain} version`,
      );
    }
    const bundleUrl = new URL(chosen.url, this.settings.indexUrl).toString();
    return {
      bundle: await this.getJson(bundleUrl),
      detail: `${bundleUrl} (version ${chosen.version})`,
    };
  }

  /** A JSON document, refused when larger than the configured cap. */
  private async getJson(url: string): Promise<unknown> {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    if (!response.ok || !response.body) {
      throw new Error(
        `${url} answered ${response.status} ${response.statusText}`,
      );
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > this.settings.maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new Error(
          `${url} is larger than ${this.settings.maxBytes} bytes (aegis.attack.maxBundleBytes)`,
        );
      }
      chunks.push(chunk);
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  }
}

/** Orders dotted version numbers: 18.1 after 9.0, 17.1 after 17.0. */
function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference) return difference;
  }
  return 0;
}
