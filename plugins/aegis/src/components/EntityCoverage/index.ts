export { EntityCoverageCard } from './EntityCoverageCard';
export { EntityCoverageContent } from './EntityCoverageContent';
export { isAegisCoverageAvailable } from './isAegisCoverageAvailable';
