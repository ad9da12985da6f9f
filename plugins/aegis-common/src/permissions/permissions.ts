import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of Aegis security tests, for conditional decisions.
 *
 * @public
 */
export const AEGIS_TEST_RESOURCE_TYPE = 'aegis-test';

/**
 * Resource type of Aegis evidence files, for conditional decisions.
 *
 * @public
 */
export const AEGIS_EVIDENCE_RESOURCE_TYPE = 'aegis-evidence';

/**
 * Resource type of Aegis test templates, for conditional decisions.
 *
 * @public
 */
export const AEGIS_TEMPLATE_RESOURCE_TYPE = 'aegis-template';

/** @public */
export const aegisTechniqueReadPermission = createPermission({
  name: 'aegis.technique.read',
  attributes: { action: 'read' },
});

/** @public */
export const aegisTechniqueCreatePermission = createPermission({
  name: 'aegis.technique.create',
  attributes: { action: 'create' },
});

/** @public */
export const aegisTechniqueUpdatePermission = createPermission({
  name: 'aegis.technique.update',
  attributes: { action: 'update' },
});

/** @public */
export const aegisTechniqueReviewPermission = createPermission({
  name: 'aegis.technique.review',
  attributes: { action: 'update' },
});

/** @public */
export const aegisTestReadPermission = createPermission({
  name: 'aegis.test.read',
  attributes: { action: 'read' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestCreatePermission = createPermission({
  name: 'aegis.test.create',
  attributes: { action: 'create' },
});

/**
 * General update of a test while it is a draft or rejected; the policy grants
 * it conditionally to the test's creator.
 *
 * @public
 */
export const aegisTestUpdatePermission = createPermission({
  name: 'aegis.test.update',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestRedUpdatePermission = createPermission({
  name: 'aegis.test.red.update',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestRedExecutePermission = createPermission({
  name: 'aegis.test.red.execute',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestRedSubmitPermission = createPermission({
  name: 'aegis.test.red.submit',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestBlueUpdatePermission = createPermission({
  name: 'aegis.test.blue.update',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestBlueSubmitPermission = createPermission({
  name: 'aegis.test.blue.submit',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestRedValidatePermission = createPermission({
  name: 'aegis.test.red.validate',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestBlueValidatePermission = createPermission({
  name: 'aegis.test.blue.validate',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestReopenPermission = createPermission({
  name: 'aegis.test.reopen',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisTestRemediationUpdatePermission = createPermission({
  name: 'aegis.test.remediation.update',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEST_RESOURCE_TYPE,
});

/** @public */
export const aegisEvidenceReadPermission = createPermission({
  name: 'aegis.evidence.read',
  attributes: { action: 'read' },
  resourceType: AEGIS_EVIDENCE_RESOURCE_TYPE,
});

/** @public */
export const aegisEvidenceDownloadPermission = createPermission({
  name: 'aegis.evidence.download',
  attributes: { action: 'read' },
  resourceType: AEGIS_EVIDENCE_RESOURCE_TYPE,
});

/** @public */
export const aegisEvidenceRedUploadPermission = createPermission({
  name: 'aegis.evidence.red.upload',
  attributes: { action: 'create' },
});

/** @public */
export const aegisEvidenceBlueUploadPermission = createPermission({
  name: 'aegis.evidence.blue.upload',
  attributes: { action: 'create' },
});

/** @public */
export const aegisTemplateReadPermission = createPermission({
  name: 'aegis.template.read',
  attributes: { action: 'read' },
  resourceType: AEGIS_TEMPLATE_RESOURCE_TYPE,
});

/** @public */
export const aegisTemplateCreatePermission = createPermission({
  name: 'aegis.template.create',
  attributes: { action: 'create' },
});

/** @public */
export const aegisTemplateUpdatePermission = createPermission({
  name: 'aegis.template.update',
  attributes: { action: 'update' },
  resourceType: AEGIS_TEMPLATE_RESOURCE_TYPE,
});

/** @public */
export const aegisTemplateStatsReadPermission = createPermission({
  name: 'aegis.template.stats.read',
  attributes: { action: 'read' },
});

/**
 * Reading reports, metrics and test timelines.
 *
 * @public
 */
export const aegisReportReadPermission = createPermission({
  name: 'aegis.report.read',
  attributes: { action: 'read' },
});

/** @public */
export const aegisAttackSyncPermission = createPermission({
  name: 'aegis.attack.sync',
  attributes: { action: 'update' },
});

/** @public */
export const aegisIntelScanPermission = createPermission({
  name: 'aegis.intel.scan',
  attributes: { action: 'update' },
});

/** @public */
export const aegisAtomicImportPermission = createPermission({
  name: 'aegis.atomic.import',
  attributes: { action: 'create' },
});

/**
 * Reading the state of Aegis's scheduled tasks and sync runs.
 *
 * @public
 */
export const aegisSystemReadPermission = createPermission({
  name: 'aegis.system.read',
  attributes: { action: 'read' },
});

/** @public */
export const aegisUserReadPermission = createPermission({
  name: 'aegis.user.read',
  attributes: { action: 'read' },
});

/** @public */
export const aegisUserCreatePermission = createPermission({
  name: 'aegis.user.create',
  attributes: { action: 'create' },
});

/** @public */
export const aegisUserUpdatePermission = createPermission({
  name: 'aegis.user.update',
  attributes: { action: 'update' },
});

/** @public */
export const aegisAuditReadPermission = createPermission({
  name: 'aegis.audit.read',
  attributes: { action: 'read' },
});

/**
 * Every permission Aegis defines, for registration with the permissions
 * registry and for policies.
 *
 * @public
 */
export const aegisPermissions = [
  aegisTechniqueReadPermission,
  aegisTechniqueCreatePermission,
  aegisTechniqueUpdatePermission,
  aegisTechniqueReviewPermission,
  aegisTestReadPermission,
  aegisTestCreatePermission,
  aegisTestUpdatePermission,
  aegisTestRedUpdatePermission,
  aegisTestRedExecutePermission,
  aegisTestRedSubmitPermission,
  aegisTestBlueUpdatePermission,
  aegisTestBlueSubmitPermission,
  aegisTestRedValidatePermission,
  aegisTestBlueValidatePermission,
  aegisTestReopenPermission,
  aegisTestRemediationUpdatePermission,
  aegisEvidenceReadPermission,
  aegisEvidenceDownloadPermission,
  aegisEvidenceRedUploadPermission,
  aegisEvidenceBlueUploadPermission,
  aegisTemplateReadPermission,
  aegisTemplateCreatePermission,
  aegisTemplateUpdatePermission,
  aegisTemplateStatsReadPermission,
  aegisReportReadPermission,
  aegisAttackSyncPermission,
  aegisIntelScanPermission,
  aegisAtomicImportPermission,
  aegisSystemReadPermission,
  aegisUserReadPermission,
  aegisUserCreatePermission,
  aegisUserUpdatePermission,
  aegisAuditReadPermission,
];
