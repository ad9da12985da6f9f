import { Config } from '@backstage/config';

/**
 * Refuses to run without the permission framework: with `permission.enabled`
 * false every permission check allows, which would open the map of the
 * company's defensive gaps to every signed-in user.
 */
export function assertPermissionsEnabled(config: Config): void {
  if (config.getOptionalBoolean('permission.enabled') !== true) {
    throw new Error(
      'Aegis requires the permission framework: set permission.enabled to true',
    );
  }
}
