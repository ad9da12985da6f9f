/**
 * The Aegis permission policy for the Backstage permission plugin.
 *
 * @packageDocumentation
 */

export { permissionModuleAegisPolicy as default } from './module';
export { AegisPermissionPolicy } from './AegisPermissionPolicy';
export type { AegisRoleLookup, UserRoles } from './AegisRoleClient';
export { AegisRoleClient } from './AegisRoleClient';
