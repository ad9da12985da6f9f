export { SyncPage } from './SyncPage';
