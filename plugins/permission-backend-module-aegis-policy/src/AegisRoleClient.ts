import { isAegisRole, AegisRole } from '@aegis-security/plugin-aegis-common';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * A user's Aegis roles as the Aegis backend resolves them.
 *
 * @public
 */
export interface UserRoles {
  userEntityRef: string;
  active: boolean;
  roles: AegisRole[];
}

/**
 * Finds a user's Aegis roles.
 *
 * @public
 */
export interface AegisRoleLookup {
  getRoles(userEntityRef: string): Promise<UserRoles>;
}

/** The longest a role answer may be kept. */
const MAX_CACHE_MS = 30_000;

/**
 * Asks the Aegis backend for a user's roles: the permission plugin cannot
 * read Aegis's tables, and a user's token carries only their direct groups.
 * Answers are kept for at most 30 seconds, so a role change or deactivation
 * takes effect within that time; failures are never cached.
 *
 * @public
 */
export class AegisRoleClient implements AegisRoleLookup {
  private readonly cache = new Map<
    string,
    { expiresAt: number; roles: Promise<UserRoles> }
  >();
  private readonly cacheMs: number;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      cacheSeconds?: number;
      now?: () => number;
    },
  ) {
    this.cacheMs = Math.min(
      MAX_CACHE_MS,
      Math.max(0, (options.cacheSeconds ?? 30) * 1000),
    );
  }

  getRoles(userEntityRef: string): Promise<UserRoles> {
    const now = this.now();
    const cached = this.cache.get(userEntityRef);
    if (cached && cached.expiresAt > now) {
      return cached.roles;
    }

    const roles = this.fetchRoles(userEntityRef);
    this.cache.set(userEntityRef, { expiresAt: now + this.cacheMs, roles });
    roles.catch(() => this.cache.delete(userEntityRef));
    this.evictExpired(now);
    return roles;
  }

  private async fetchRoles(userEntityRef: string): Promise<UserRoles> {
    const { auth, discovery } = this.options;
    const baseUrl = await discovery.getBaseUrl('aegis');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'aegis',
    });

    const response = await fetch(
      `${baseUrl}/policy/roles?userEntityRef=${encodeURIComponent(
        userEntityRef,
      )}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as UserRoles;
    return {
      userEntityRef: body.userEntityRef,
      active: body.active === true,
      roles: (body.roles ?? []).filter(isAegisRole),
    };
  }

  private evictExpired(now: number) {
    for (const [key, entry] of this.cache) {
      if (entry.expiresAt <= now) {
        this.cache.delete(key);
      }
    }
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
