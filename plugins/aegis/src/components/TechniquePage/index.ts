export { TechniquePage } from './TechniquePage';
