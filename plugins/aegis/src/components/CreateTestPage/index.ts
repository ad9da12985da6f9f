export { CreateTestPage } from './CreateTestPage';
