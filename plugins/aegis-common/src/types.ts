import type { AegisGrant, AegisRole } from './permissions';

/**
 * Answer of `GET /api/aegis/health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
}

/**
 * Where one of a user's roles comes from.
 *
 * @public
 */
export type RoleSource =
  | { type: 'config'; via: string }
  | { type: 'binding' }
  | { type: 'default' };

/**
 * A role held by a user, with every source that grants it.
 *
 * @public
 */
export interface RoleAssignment {
  role: AegisRole;
  sources: RoleSource[];
}

/**
 * A catalog user as Aegis sees them: effective roles with where each comes
 * from, the roles bound by administrators, and whether they are active.
 *
 * @public
 */
export interface AegisUser {
  userEntityRef: string;
  displayName?: string;
  email?: string;
  /** False once an admin deactivated the user: every Aegis action is denied. */
  active: boolean;
  /** Effective roles; empty for a deactivated user. */
  roles: RoleAssignment[];
  /** Roles bound in the Aegis database, which admins edit. */
  boundRoles: AegisRole[];
}

/**
 * A page of users.
 *
 * @public
 */
export interface AegisUserPage {
  items: AegisUser[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Query of `GET /api/aegis/users`.
 *
 * @public
 */
export interface ListUsersQuery {
  role?: AegisRole;
  search?: string;
  limit?: number;
  offset?: number;
}

/**
 * Body of `POST /api/aegis/users`: binds roles to a catalog user.
 *
 * @public
 */
export interface CreateUserRequest {
  userEntityRef: string;
  roles: AegisRole[];
}

/**
 * Body of `PATCH /api/aegis/users/{id}`.
 *
 * @public
 */
export interface UpdateUserRequest {
  /** The roles bound in the Aegis database, replacing the current ones. */
  roles?: AegisRole[];
  active?: boolean;
}

/**
 * Answer of `GET /api/aegis/me`.
 *
 * @public
 */
export interface MeResponse {
  userEntityRef: string;
  displayName?: string;
  active: boolean;
  roles: AegisRole[];
  /** Aegis permission names the user holds, and how. */
  permissions: Record<string, AegisGrant>;
}
