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
