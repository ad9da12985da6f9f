import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * Warns about each external-access token that reaches Aegis without
 * restrictions: service principals never meet the permission policy, so such
 * a token may do everything an admin may, including reading the map of the
 * company's defensive gaps.
 */
export function warnAboutUnrestrictedTokens(
  config: Config,
  logger: LoggerService,
): void {
  const entries =
    config.getOptionalConfigArray('backend.auth.externalAccess') ?? [];

  for (const [index, entry] of entries.entries()) {
    const restrictions = entry.getOptionalConfigArray('accessRestrictions');
    const reachesAegisFreely =
      !restrictions ||
      restrictions.some(
        restriction =>
          restriction.getString('plugin') === 'aegis' &&
          !restriction.has('permission') &&
          !restriction.has('permissionAttribute'),
      );
    if (reachesAegisFreely) {
      const subject =
        entry.getOptionalString('options.subject') ?? `entry ${index}`;
      logger.warn(
        `UNRESTRICTED AEGIS ACCESS: the external access token '${subject}' (backend.auth.externalAccess[${index}]) may take every Aegis action. Restrict it to plugin 'aegis' and the permissions of one role; the README has a snippet per role.`,
      );
    }
  }
}
