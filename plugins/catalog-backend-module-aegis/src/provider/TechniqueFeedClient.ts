import { CatalogTechniqueFeed } from '@aegis-security/plugin-aegis-common';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * Reads the technique feed of the Aegis backend.
 *
 * @public
 */
export interface TechniqueFeedSource {
  readFeed(): Promise<CatalogTechniqueFeed>;
}

/** Longest wait for Aegis before a poll gives up and keeps the catalog as is. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Asks the Aegis backend for `GET /catalog/techniques` with a service token:
 * the catalog cannot read Aegis's tables.
 *
 * @public
 */
export class TechniqueFeedClient implements TechniqueFeedSource {
  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
    },
  ) {}

  async readFeed(): Promise<CatalogTechniqueFeed> {
    const { auth, discovery } = this.options;
    const baseUrl = await discovery.getBaseUrl('aegis');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'aegis',
    });

    const response = await fetch(`${baseUrl}/catalog/techniques`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return checkFeed(await response.json());
  }
}

/**
 * Refuses a body that is not a feed, so that a wrong answer (an HTML error
 * page from a proxy, an older Aegis) never reaches the catalog as "no
 * techniques" and empties it.
 */
export function checkFeed(body: unknown): CatalogTechniqueFeed {
  const feed = body as Partial<CatalogTechniqueFeed> | null;
  const problem =
    (typeof feed !== 'object' || feed === null ? 'the body' : undefined) ??
    (typeof feed?.knowledgeBaseVersion !== 'string'
      ? 'knowledgeBaseVersion'
      : undefined) ??
    (!Array.isArray(feed?.tactics) ? 'tactics' : undefined) ??
    (!Array.isArray(feed?.techniques) ? 'techniques' : undefined);
  if (problem) {
    throw new TypeError(
      `Aegis answered GET /catalog/techniques without a valid ${problem}`,
    );
  }
  return feed as CatalogTechniqueFeed;
}
