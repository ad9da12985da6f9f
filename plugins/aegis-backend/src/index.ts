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
export {
  evidenceConditions as aegisEvidenceConditions,
  createEvidenceConditionalDecision as createAegisEvidenceConditionalDecision,
} from './evidence/permissionRules';
export {
  templateConditions as aegisTemplateConditions,
  createTemplateConditionalDecision as createAegisTemplateConditionalDecision,
} from './templates/permissionRules';
