export { TestsPage } from './TestsPage';
export { TestStateChip } from './TestStateChip';
