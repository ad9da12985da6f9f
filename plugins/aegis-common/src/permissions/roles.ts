import {
  aegisAtomicImportPermission,
  aegisAttackSyncPermission,
  aegisAuditReadPermission,
  aegisEvidenceBlueUploadPermission,
  aegisEvidenceDownloadPermission,
  aegisEvidenceReadPermission,
  aegisEvidenceRedUploadPermission,
  aegisIntelScanPermission,
  aegisPermissions,
  aegisReportReadPermission,
  aegisSystemReadPermission,
  aegisTechniqueCreatePermission,
  aegisTechniqueReadPermission,
  aegisTechniqueReviewPermission,
  aegisTechniqueUpdatePermission,
  aegisTemplateCreatePermission,
  aegisTemplateReadPermission,
  aegisTemplateStatsReadPermission,
  aegisTemplateUpdatePermission,
  aegisTestBlueSubmitPermission,
  aegisTestBlueUpdatePermission,
  aegisTestBlueValidatePermission,
  aegisTestCreatePermission,
  aegisTestReadPermission,
  aegisTestRedExecutePermission,
  aegisTestRedSubmitPermission,
  aegisTestRedUpdatePermission,
  aegisTestRedValidatePermission,
  aegisTestRemediationUpdatePermission,
  aegisTestReopenPermission,
  aegisTestUpdatePermission,
  aegisUserCreatePermission,
  aegisUserReadPermission,
  aegisUserUpdatePermission,
} from './permissions';

/**
 * The six Aegis roles, from most to least privileged.
 *
 * @public
 */
export const AEGIS_ROLES = [
  'admin',
  'red_lead',
  'blue_lead',
  'red_tech',
  'blue_tech',
  'viewer',
] as const;

/** @public */
export type AegisRole = (typeof AEGIS_ROLES)[number];

/**
 * Whether a value names an Aegis role.
 *
 * @public
 */
export function isAegisRole(value: unknown): value is AegisRole {
  return AEGIS_ROLES.includes(value as AegisRole);
}

/**
 * How a role holds a permission: always, or only for tests the user created.
 *
 * @public
 */
export type AegisGrant = 'always' | 'creator';

const EVERY_ROLE: readonly AegisRole[] = AEGIS_ROLES;
const LEADS: readonly AegisRole[] = ['red_lead', 'blue_lead'];
const CONTRIBUTORS: readonly AegisRole[] = AEGIS_ROLES.filter(
  role => role !== 'viewer',
);

/**
 * The roles other than admin that hold each permission; admin holds them all.
 * Separation of duties inside the workflow (who may vote on which test) is
 * enforced by the workflow itself, on top of these grants.
 */
const ROLE_GRANTS: Record<string, readonly AegisRole[]> = {
  [aegisTechniqueReadPermission.name]: EVERY_ROLE,
  [aegisTechniqueCreatePermission.name]: [],
  [aegisTechniqueUpdatePermission.name]: [],
  [aegisTechniqueReviewPermission.name]: LEADS,
  [aegisTestReadPermission.name]: EVERY_ROLE,
  [aegisTestCreatePermission.name]: ['red_tech'],
  [aegisTestUpdatePermission.name]: [],
  [aegisTestRedUpdatePermission.name]: ['red_tech'],
  [aegisTestRedExecutePermission.name]: ['red_tech'],
  [aegisTestRedSubmitPermission.name]: ['red_tech'],
  [aegisTestBlueUpdatePermission.name]: ['blue_tech'],
  [aegisTestBlueSubmitPermission.name]: ['blue_tech'],
  [aegisTestRedValidatePermission.name]: ['red_lead'],
  [aegisTestBlueValidatePermission.name]: ['blue_lead'],
  [aegisTestReopenPermission.name]: LEADS,
  [aegisTestRemediationUpdatePermission.name]: CONTRIBUTORS,
  [aegisEvidenceReadPermission.name]: EVERY_ROLE,
  [aegisEvidenceDownloadPermission.name]: CONTRIBUTORS,
  [aegisEvidenceRedUploadPermission.name]: ['red_tech'],
  [aegisEvidenceBlueUploadPermission.name]: ['blue_tech'],
  [aegisTemplateReadPermission.name]: EVERY_ROLE,
  [aegisTemplateCreatePermission.name]: [],
  [aegisTemplateUpdatePermission.name]: [],
  [aegisTemplateStatsReadPermission.name]: [],
  [aegisReportReadPermission.name]: EVERY_ROLE,
  [aegisAttackSyncPermission.name]: [],
  [aegisIntelScanPermission.name]: [],
  [aegisAtomicImportPermission.name]: [],
  [aegisSystemReadPermission.name]: [],
  [aegisUserReadPermission.name]: [],
  [aegisUserCreatePermission.name]: [],
  [aegisUserUpdatePermission.name]: [],
  [aegisAuditReadPermission.name]: [],
};

/**
 * Permissions that a role without an unconditional grant still holds for the
 * tests it created.
 */
const CREATOR_GRANTS: Record<string, readonly AegisRole[]> = {
  [aegisTestUpdatePermission.name]: ['red_tech'],
};

/**
 * Options that change the default grants.
 *
 * @public
 */
export interface AegisGrantOptions {
  /** Whether viewers may download evidence content (default false). */
  viewerMayDownloadEvidence?: boolean;
}

/**
 * How the strongest of the given roles holds a permission, or undefined when
 * none of them does.
 *
 * @public
 */
export function grantFor(
  permissionName: string,
  roles: readonly AegisRole[],
  options: AegisGrantOptions = {},
): AegisGrant | undefined {
  if (roles.includes('admin')) {
    return 'always';
  }
  const holders = ROLE_GRANTS[permissionName] ?? [];
  const viewerDownload =
    options.viewerMayDownloadEvidence &&
    permissionName === aegisEvidenceDownloadPermission.name &&
    roles.includes('viewer');
  if (viewerDownload || roles.some(role => holders.includes(role))) {
    return 'always';
  }
  const creators = CREATOR_GRANTS[permissionName] ?? [];
  if (roles.some(role => creators.includes(role))) {
    return 'creator';
  }
  return undefined;
}

/**
 * The names of the Aegis permissions the given roles hold, with how they hold
 * each one.
 *
 * @public
 */
export function grantsForRoles(
  roles: readonly AegisRole[],
  options: AegisGrantOptions = {},
): Record<string, AegisGrant> {
  const grants: Record<string, AegisGrant> = {};
  for (const permission of aegisPermissions) {
    const grant = grantFor(permission.name, roles, options);
    if (grant) {
      grants[permission.name] = grant;
    }
  }
  return grants;
}

/**
 * Whether blind tests are hidden from a user with these roles until red
 * submits: users on the blue side only, who must not learn of the attack
 * before they detect it.
 *
 * @public
 */
export function hidesUnrevealedBlindTests(
  roles: readonly AegisRole[],
): boolean {
  const blue = roles.some(role => role === 'blue_tech' || role === 'blue_lead');
  const seesRedWork = roles.some(
    role => role === 'admin' || role === 'red_tech' || role === 'red_lead',
  );
  return blue && !seesRedWork;
}
