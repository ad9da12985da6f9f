import {
  AEGIS_ROLES,
  AegisRole,
  isAegisRole,
} from '@aegis-security/plugin-aegis-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';

/** Roles granted by app-config, and the role of users without any. */
export interface RolesConfig {
  /** Normalised user and group entity refs mapped to each role. */
  mappings: ReadonlyMap<AegisRole, ReadonlySet<string>>;
  /** Role of a signed-in user who holds none; undefined means no access. */
  defaultRole?: AegisRole;
}

/**
 * Reads `aegis.roles` (role → user and group entity refs) and
 * `aegis.access.defaultRole` (`none` unless set), failing with the name of
 * the bad key.
 */
export function readRolesConfig(config: Config): RolesConfig {
  const rolesConfig = config.getOptionalConfig('aegis.roles');
  for (const key of rolesConfig?.keys() ?? []) {
    if (!isAegisRole(key)) {
      throw new Error(
        `Invalid config at aegis.roles.${key}: not a role; use one of ${AEGIS_ROLES.join(
          ', ',
        )}`,
      );
    }
  }

  const mappings = new Map<AegisRole, Set<string>>();
  for (const role of AEGIS_ROLES) {
    const refs = rolesConfig?.getOptionalStringArray(role) ?? [];
    mappings.set(
      role,
      new Set(refs.map(ref => normaliseMemberRef(ref, `aegis.roles.${role}`))),
    );
  }

  const defaultRole =
    config.getOptionalString('aegis.access.defaultRole') ?? 'none';
  if (defaultRole !== 'none' && !isAegisRole(defaultRole)) {
    throw new Error(
      `Invalid config at aegis.access.defaultRole: '${defaultRole}' is not 'none' or a role`,
    );
  }

  return {
    mappings,
    defaultRole: defaultRole === 'none' ? undefined : defaultRole,
  };
}

function normaliseMemberRef(ref: string, key: string): string {
  try {
    const parsed = parseEntityRef(ref);
    const kind = parsed.kind.toLocaleLowerCase('en-US');
    if (kind !== 'user' && kind !== 'group') {
      throw new Error(`kind ${parsed.kind} is neither User nor Group`);
    }
    return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new Error(
      `Invalid config at ${key}: '${ref}' is not a user or group entity ref (${
        (error as Error).message
      })`,
    );
  }
}
