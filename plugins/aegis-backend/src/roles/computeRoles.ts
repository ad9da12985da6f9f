import {
  AEGIS_ROLES,
  AegisRole,
  RoleAssignment,
  RoleSource,
} from '@aegis-security/plugin-aegis-common';
import { RolesConfig } from './config';

/** What decides a user's roles. */
export interface RoleInputs {
  userEntityRef: string;
  /** Group refs the user belongs to, directly or through parent groups. */
  groupRefs: readonly string[];
  /** Roles bound in the Aegis database. */
  boundRoles: readonly AegisRole[];
  active: boolean;
}

/**
 * A user's effective roles with every source that grants each: config
 * mappings of the user or any of their groups, database bindings, or the
 * default role when nothing else grants one. A deactivated user has none.
 */
export function computeRoles(
  config: RolesConfig,
  inputs: RoleInputs,
): RoleAssignment[] {
  if (!inputs.active) {
    return [];
  }
  const members = [inputs.userEntityRef, ...inputs.groupRefs].map(ref =>
    ref.toLocaleLowerCase('en-US'),
  );

  const assignments = new Array<RoleAssignment>();
  for (const role of AEGIS_ROLES) {
    const mapped = config.mappings.get(role);
    const sources: RoleSource[] = members
      .filter(ref => mapped?.has(ref))
      .map(via => ({ type: 'config', via }));
    if (inputs.boundRoles.includes(role)) {
      sources.push({ type: 'binding' });
    }
    if (sources.length > 0) {
      assignments.push({ role, sources });
    }
  }

  if (assignments.length === 0 && config.defaultRole) {
    return [{ role: config.defaultRole, sources: [{ type: 'default' }] }];
  }
  return assignments;
}
