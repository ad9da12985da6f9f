import { AttackDomain } from '../stix/model';
import { BundleSource, FetchedBundle } from './BundleSource';

/** The TAXII 2.1 media type, asked for and expected back. */
const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** MITRE's collection of each domain on its TAXII server. */
export const MITRE_COLLECTIONS: Record<AttackDomain, string> = {
  'enterprise-attack':
    'x-mitre-collection--1f5f1533-f617-4ca8-9ab4-6a02367fa019',
  'mobile-attack': 'x-mitre-collection--dac0d2d7-8653-445c-9bff-82f934c1e858',
  'ics-attack': 'x-mitre-collection--90c00720-636b-4485-b342-8751d232bf09',
};

/** Settings of the TAXII source, `aegis.attack.sources.taxii`. */
export interface TaxiiSettings {
  /** The server, such as `https://attack-taxii.mitre.org`. */
  url: string;
  /** The API root path, `/api/v21/` on MITRE's server. */
  apiRoot: string;
  collections: Partial<Record<AttackDomain, string>>;
  /** Objects asked for per page. */
  pageSize: number;
  /** The server's rate limit: this many requests per window. */
  maxRequests: number;
  windowMs: number;
  timeoutMs: number;
  /** How often a 429 or 5xx answer is retried before the source fails. */
  retries: number;
}

/** Waiting, replaceable in tests. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
};

type StixObject = { id?: string; modified?: string; [key: string]: unknown };

/**
 * ATT&CK from a TAXII 2.1 server: every page of the domain's collection
 * (following `more` and `next`), within the server's rate limit, retrying
 * 429 (after its Retry-After) and 5xx answers, and keeping the newest
 * `modified` version of an object the server lists more than once.
 */
export class TaxiiBundleSource implements BundleSource {
  readonly name = 'taxii';
  private readonly sent: number[] = [];

  constructor(
    private readonly settings: TaxiiSettings,
    private readonly clock: Clock = realClock,
  ) {}

  unavailableFor(domain: AttackDomain): string | undefined {
    return this.settings.collections[domain]
      ? undefined
      : `no TAXII collection configured for ${domain} (aegis.attack.sources.taxii.collections.${domain})`;
  }

  async fetch(domain: AttackDomain): Promise<FetchedBundle> {
    const collection = this.settings.collections[domain]!;
    const base = new URL(
      `${this.settings.apiRoot.replace(
        /\/?$/,
        '/',
      )}collections/${encodeURIComponent(collection)}/objects/`,
      this.settings.url,
    );
    const newest = new Map<string, StixObject>();
    let pages = 0;
    let next: string | undefined;
    do {
      const url = new URL(base);
      url.searchParams.set('limit', String(this.settings.pageSize));
      if (next) url.searchParams.set('next', next);
      const envelope = await this.page(url);
      pages += 1;
      for (const object of envelope.objects ?? []) {
        const known = object.id ? newest.get(object.id) : undefined;
        if (!object.id) continue;
        if (
          !known ||
          String(object.modified ?? '') > String(known.modified ?? '')
        ) {
          newest.set(object.id, object);
        }
      }
      next = envelope.more ? envelope.next : undefined;
      if (envelope.more && !envelope.next) {
        throw new Error(`TAXII page ${pages} says more but gives no next`);
      }
    } while (next);

    return {
      bundle: {
        type: 'bundle',
        id: `bundle--taxii-${collection}`,
        objects: [...newest.values()],
      },
      detail: `${base.toString()} (${pages} page${pages === 1 ? '' : 's'}, ${
        newest.size
      } objects)`,
    };
  }

  /** One page, within the rate limit, retrying what may pass. */
  private async page(url: URL): Promise<{
    more?: boolean;
    next?: string;
    objects?: StixObject[];
  }> {
    for (let attempt = 0; ; attempt++) {
      await this.waitForRateLimit();
      const response = await fetch(url, {
        headers: { Accept: TAXII_MEDIA_TYPE },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (response.ok) {
        return (await response.json()) as {
          more?: boolean;
          next?: string;
          objects?: StixObject[];
        };
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= this.settings.retries) {
        throw new Error(
          `TAXII server answered ${response.status} ${response.statusText} for ${url.pathname}`,
        );
      }
      await response.body?.cancel();
      await this.clock.sleep(this.retryDelay(response, attempt));
    }
  }

  private retryDelay(response: Response, attempt: number): number {
    const header = response.headers.get('retry-after');
    const seconds = header === null ? NaN : Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) {
      return Math.min(seconds, 600) * 1000;
    }
    return Math.min(1000 * 2 ** attempt, 60_000);
  }

  /** Waits until one more request fits the server's window. */
  private async waitForRateLimit() {
    const { maxRequests, windowMs } = this.settings;
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length && this.sent[0] <= now - windowMs) {
        this.sent.shift();
      }
      if (this.sent.length < maxRequests) {
        this.sent.push(now);
        return;
      }
      await this.clock.sleep(this.sent[0] + windowMs - now);
    }
  }
}
