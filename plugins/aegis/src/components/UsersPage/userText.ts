import type {
  AegisUser,
  RoleAssignment,
  RoleSource,
} from '@aegis-security/plugin-aegis-common';

/** The name a user is shown by: their display name, else their entity ref. */
export function userName(user: AegisUser): string {
  return user.displayName ?? user.userEntityRef;
}

/** Where a role comes from, as administrators read it. */
export function describeRoleSource(source: RoleSource): string {
  switch (source.type) {
    case 'config':
      return `config via ${source.via}`;
    case 'binding':
      return 'assigned';
    default:
      return 'default';
  }
}

/** Every source of a role, as one line. */
export function describeRoleSources(assignment: RoleAssignment): string {
  return assignment.sources.map(describeRoleSource).join(', ');
}
