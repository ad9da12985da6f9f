export { chooseTechnique } from './chooseTechnique';
export { fakeAegisApi, sampleUsers } from './fakeAegisApi';
export type { FakeAegisOptions } from './fakeAegisApi';
export { fakeEvidenceUploader } from './fakeEvidenceUploader';
export { sampleEvidence } from './sampleEvidence';
export { sampleTactics, sampleTechniques, techniquePage } from './sampleAttack';
export { permissionsAllowing } from './permissions';
export { renderInAegisApp } from './renderInAegisApp';
export type { AegisAppOptions } from './renderInAegisApp';
export { renderTestPage } from './renderTestPage';
export { responseError } from './responseError';
export { sampleTemplates, sampleTemplateStats } from './sampleTemplates';
export { sampleTest, sampleTests } from './sampleTests';
export {
  coverageCounts,
  sampleCoverageReport,
  sampleEntityCoverage,
  sampleGapCoverage,
  sampleSummary,
  sampleTechniqueCoverage,
} from './sampleCoverage';
