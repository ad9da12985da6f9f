import type { PermissionCondition } from '@backstage/plugin-permission-common';
import {
  AEGIS_EVIDENCE_RESOURCE_TYPE,
  AEGIS_TEMPLATE_RESOURCE_TYPE,
  AEGIS_TEST_RESOURCE_TYPE,
} from './permissions';

/**
 * Name of the rule that matches tests created by the given user.
 *
 * @public
 */
export const IS_TEST_CREATOR_RULE = 'IS_TEST_CREATOR';

/**
 * The condition "the test was created by this user", for policies that grant
 * a test permission to its creator only.
 *
 * @public
 */
export function isTestCreatorCondition(
  userEntityRef: string,
): PermissionCondition<typeof AEGIS_TEST_RESOURCE_TYPE> {
  return {
    rule: IS_TEST_CREATOR_RULE,
    resourceType: AEGIS_TEST_RESOURCE_TYPE,
    params: { userEntityRef },
  };
}

/**
 * Name of the rule that matches blind tests whose red side has not been
 * submitted yet.
 *
 * @public
 */
export const IS_UNREVEALED_BLIND_TEST_RULE = 'IS_UNREVEALED_BLIND_TEST';

/**
 * The condition "the test is blind and red has not submitted yet", which
 * policies negate to hide such tests from blue roles.
 *
 * @public
 */
export function isUnrevealedBlindTestCondition(): PermissionCondition<
  typeof AEGIS_TEST_RESOURCE_TYPE
> {
  return {
    rule: IS_UNREVEALED_BLIND_TEST_RULE,
    resourceType: AEGIS_TEST_RESOURCE_TYPE,
    params: {},
  };
}

/**
 * Name of the rule that matches evidence uploaded by the given user.
 *
 * @public
 */
export const IS_EVIDENCE_UPLOADER_RULE = 'IS_EVIDENCE_UPLOADER';

/**
 * Name of the rule that matches evidence of blind tests whose red side has
 * not been submitted yet.
 *
 * @public
 */
export const IS_EVIDENCE_OF_UNREVEALED_BLIND_TEST_RULE =
  'IS_EVIDENCE_OF_UNREVEALED_BLIND_TEST';

/**
 * The condition "the evidence belongs to a blind test red has not submitted
 * yet", which policies negate to hide it from blue roles.
 *
 * @public
 */
export function isEvidenceOfUnrevealedBlindTestCondition(): PermissionCondition<
  typeof AEGIS_EVIDENCE_RESOURCE_TYPE
> {
  return {
    rule: IS_EVIDENCE_OF_UNREVEALED_BLIND_TEST_RULE,
    resourceType: AEGIS_EVIDENCE_RESOURCE_TYPE,
    params: {},
  };
}

/**
 * Name of the rule that matches templates that have not been deactivated.
 *
 * @public
 */
export const IS_TEMPLATE_ACTIVE_RULE = 'IS_TEMPLATE_ACTIVE';

/**
 * The condition "the template is active", which limits what users who do
 * not administer templates see.
 *
 * @public
 */
export function isTemplateActiveCondition(): PermissionCondition<
  typeof AEGIS_TEMPLATE_RESOURCE_TYPE
> {
  return {
    rule: IS_TEMPLATE_ACTIVE_RULE,
    resourceType: AEGIS_TEMPLATE_RESOURCE_TYPE,
    params: {},
  };
}
