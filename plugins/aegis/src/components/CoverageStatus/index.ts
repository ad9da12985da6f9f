export { CoverageChips, CoverageStatusChip } from './CoverageStatusChip';
