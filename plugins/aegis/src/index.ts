/**
 * The Aegis frontend plugin: MITRE ATT&CK coverage pages for Backstage.
 *
 * @packageDocumentation
 */

export {
  aegisPlugin,
  AegisPage,
  EntityAegisCoverageCard,
  EntityAegisCoverageContent,
} from './plugin';
export { isAegisCoverageAvailable } from './components/EntityCoverage/isAegisCoverageAvailable';
export { aegisApiRef } from './api/aegisApiRef';
