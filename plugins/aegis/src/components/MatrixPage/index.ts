export { MatrixPage } from './MatrixPage';
