/**
 * The Aegis backend plugin: MITRE ATT&CK coverage tracking for Backstage.
 *
 * @packageDocumentation
 */

export { aegisPlugin as default } from './plugin';
export {
  testConditions as aegisTestConditions,
  createConditionalDecision as createAegisTestConditionalDecision,
} from './tests/permissionRules';
