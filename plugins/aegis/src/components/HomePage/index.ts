export { HomeContent } from './HomeContent';
