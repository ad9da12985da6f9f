export { AegisRoutes } from './AegisRoutes';
export { LegacyAegisPage } from './LegacyAegisPage';
