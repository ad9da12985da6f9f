import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';

/** The longest, and default, time a decision is kept, in seconds. */
const MAX_SECONDS = 5;
/** Decisions kept at most; the oldest go first. */
const MAX_ENTRIES = 10_000;

type Entry = { expiresAt: number; decisions: Promise<unknown[]> };

/**
 * The permission service with a short memory of decisions that name no
 * resource: what a principal may do in general, and the conditions of a
 * resource permission, which the policy decides from the principal alone.
 *
 * Every Aegis request asks such questions (may this user read reports; which
 * tests may they read), and each answer is a round trip to the permission
 * backend. For a few seconds (`aegis.access.decisionCacheSeconds`, at most
 * 5, 0 to ask every time) the same question of the same principal gets the
 * same answer; concurrent askers share one round trip. Decisions about a
 * given resource, which depend on that resource as it is now, always go to
 * the permission backend. The policy already keeps a user's roles for up to
 * 30 seconds, so a role change takes effect at most a few seconds later
 * than it would without this.
 */
export class DecisionCache implements PermissionsService {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly ttlMs: number,
  ) {}

  /**
   * Reads `aegis.access.decisionCacheSeconds`; by default decisions are
   * kept no longer than the policy keeps roles
   * (`aegis.access.policyCacheSeconds`), and never over 5 seconds.
   */
  static fromConfig(config: Config, permissions: PermissionsService) {
    const key = 'aegis.access.decisionCacheSeconds';
    const policySeconds =
      config.getOptionalNumber('aegis.access.policyCacheSeconds') ?? 30;
    const seconds =
      config.getOptionalNumber(key) ?? Math.min(MAX_SECONDS, policySeconds);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
      throw new Error(
        `Invalid config at ${key}: must be from 0 to ${MAX_SECONDS} seconds, not ${seconds}`,
      );
    }
    return new DecisionCache(permissions, seconds * 1000);
  }

  authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const general = requests.every(
      request => request.resourceRef === undefined,
    );
    return this.remembered(
      'authorize',
      requests.map(request => request.permission.name),
      general ? options.credentials : undefined,
      () => this.permissions.authorize(requests, options),
    );
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.remembered(
      'conditional',
      requests.map(request => request.permission.name),
      options.credentials,
      () => this.permissions.authorizeConditional(requests, options),
    );
  }

  private remembered<T>(
    kind: string,
    permissions: string[],
    credentials: BackstageCredentials | undefined,
    ask: () => Promise<T[]>,
  ): Promise<T[]> {
    const principal = credentials && principalKey(credentials);
    if (!this.ttlMs || !principal) {
      return ask();
    }
    const key = JSON.stringify([kind, principal, permissions]);
    const now = Date.now();
    const found = this.entries.get(key);
    if (found && found.expiresAt > now) {
      return found.decisions as Promise<T[]>;
    }

    const decisions = ask();
    this.entries.delete(key);
    this.entries.set(key, { expiresAt: now + this.ttlMs, decisions });
    // A failed question is asked again next time.
    decisions.catch(() => {
      if (this.entries.get(key)?.decisions === decisions) {
        this.entries.delete(key);
      }
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(oldest);
    }
    return decisions;
  }
}

/**
 * Who asks, as precisely as the policy can tell them apart: a user by
 * entity ref, a service by subject and access restrictions. Anonymous
 * callers are never remembered.
 */
function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | BackstagePrincipalTypes['user']
    | BackstagePrincipalTypes['service']
    | BackstagePrincipalTypes['none'];
  switch (principal.type) {
    case 'user':
      return `user:${principal.userEntityRef}`;
    case 'service':
      return `service:${principal.subject}:${JSON.stringify(
        principal.accessRestrictions ?? null,
      )}`;
    default:
      return undefined;
  }
}
