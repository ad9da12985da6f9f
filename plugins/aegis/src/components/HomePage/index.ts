export { HomePage } from './HomePage';
export { HomeContent } from './HomeContent';
