export { fakeAegisApi, sampleUsers } from './fakeAegisApi';
export type { FakeAegisOptions } from './fakeAegisApi';
export { sampleTactics, sampleTechniques, techniquePage } from './sampleAttack';
export { permissionsAllowing } from './permissions';
export { renderInAegisApp } from './renderInAegisApp';
export type { AegisAppOptions } from './renderInAegisApp';
export { responseError } from './responseError';
export { sampleTest, sampleTests } from './sampleTests';
