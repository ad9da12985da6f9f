import {
  AEGIS_EVIDENCE_RESOURCE_TYPE,
  AEGIS_TEMPLATE_RESOURCE_TYPE,
  AEGIS_TEST_RESOURCE_TYPE,
  aegisTemplateReadPermission,
  aegisTemplateUpdatePermission,
  grantFor,
  hidesUnrevealedBlindTests,
  isEvidenceOfUnrevealedBlindTestCondition,
  isTemplateActiveCondition,
  isTestCreatorCondition,
  isUnrevealedBlindTestCondition,
} from '@aegis-security/plugin-aegis-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { AegisRoleLookup } from './AegisRoleClient';

const AEGIS_PREFIX = 'aegis.';

/**
 * Decides Aegis permissions from the user's Aegis roles and allows every
 * other plugin's permissions, as the portal's allow-all policy did.
 *
 * - A permission request without a user (an anonymous caller) is denied.
 * - A user who holds no role, or whom an admin deactivated, is denied.
 * - When the roles cannot be found out, Aegis permissions are denied.
 * - A grant limited to a test's creator, and the hiding of unrevealed blind
 *   tests from blue-only users, are conditional decisions that the Aegis
 *   backend applies in its database queries.
 *
 * @public
 */
export class AegisPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      roles: AegisRoleLookup;
      logger: LoggerService;
      viewerMayDownloadEvidence?: boolean;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!permission.name.startsWith(AEGIS_PREFIX)) {
      return { result: AuthorizeResult.ALLOW };
    }

    const principal = user?.credentials.principal as
      | { type: string; userEntityRef?: string }
      | undefined;
    if (principal?.type !== 'user' || !principal.userEntityRef) {
      return { result: AuthorizeResult.DENY };
    }
    const userEntityRef = principal.userEntityRef;

    let roles;
    try {
      roles = await this.options.roles.getRoles(userEntityRef);
    } catch (error) {
      this.options.logger.warn(
        `Denied ${permission.name} to ${userEntityRef}: the Aegis roles could not be looked up`,
        error as Error,
      );
      return { result: AuthorizeResult.DENY };
    }
    if (!roles.active) {
      return { result: AuthorizeResult.DENY };
    }

    const grant = grantFor(permission.name, roles.roles, {
      viewerMayDownloadEvidence: this.options.viewerMayDownloadEvidence,
    });
    if (!grant) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      permission.name === aegisTemplateReadPermission.name &&
      grant === 'always' &&
      grantFor(aegisTemplateUpdatePermission.name, roles.roles) !== 'always'
    ) {
      // Only those who administer templates see deactivated ones.
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'aegis',
        resourceType: AEGIS_TEMPLATE_RESOURCE_TYPE,
        conditions: isTemplateActiveCondition(),
      };
    }
    if (isResourcePermission(permission, AEGIS_EVIDENCE_RESOURCE_TYPE)) {
      if (grant !== 'always') {
        return { result: AuthorizeResult.DENY };
      }
      return hidesUnrevealedBlindTests(roles.roles)
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'aegis',
            resourceType: AEGIS_EVIDENCE_RESOURCE_TYPE,
            conditions: { not: isEvidenceOfUnrevealedBlindTestCondition() },
          }
        : { result: AuthorizeResult.ALLOW };
    }
    if (!isResourcePermission(permission, AEGIS_TEST_RESOURCE_TYPE)) {
      return grant === 'always'
        ? { result: AuthorizeResult.ALLOW }
        : { result: AuthorizeResult.DENY };
    }

    const conditions: PermissionCriteria<PermissionCondition>[] = [];
    if (grant === 'creator') {
      conditions.push(isTestCreatorCondition(userEntityRef));
    }
    if (hidesUnrevealedBlindTests(roles.roles)) {
      conditions.push({ not: isUnrevealedBlindTestCondition() });
    }
    const [first, ...rest] = conditions;
    if (!first) {
      return { result: AuthorizeResult.ALLOW };
    }
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aegis',
      resourceType: AEGIS_TEST_RESOURCE_TYPE,
      conditions: rest.length ? { allOf: [first, ...rest] } : first,
    };
  }
}
