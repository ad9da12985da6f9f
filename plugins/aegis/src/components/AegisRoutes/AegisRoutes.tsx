import { Route, Routes } from 'react-router-dom';
import {
  createTestRouteRef,
  dashboardRouteRef,
  matrixRouteRef,
  reportsRouteRef,
  syncRouteRef,
  techniqueRouteRef,
  templatesRouteRef,
  testRouteRef,
  testsRouteRef,
  usersRouteRef,
} from '../../routes';
import { CreateTestPage } from '../CreateTestPage';
import { DashboardPage } from '../DashboardPage';
import { HomeContent } from '../HomePage';
import { MatrixPage } from '../MatrixPage';
import { ReportsPage } from '../ReportsPage';
import { SyncPage } from '../SyncPage';
import { TechniquePage } from '../TechniquePage';
import { TemplatesPage } from '../TemplatesPage';
import { TestPage } from '../TestPage';
import { TestsPage } from '../TestsPage';
import { UsersPage } from '../UsersPage';

/**
 * The Aegis pages below the plugin's mount point, shared by both frontend
 * systems.
 */
export function AegisRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomeContent />} />
      <Route path={dashboardRouteRef.path} element={<DashboardPage />} />
      <Route path={reportsRouteRef.path} element={<ReportsPage />} />
      <Route path={matrixRouteRef.path} element={<MatrixPage />} />
      <Route path={techniqueRouteRef.path} element={<TechniquePage />} />
      <Route path={testsRouteRef.path} element={<TestsPage />} />
      <Route path={createTestRouteRef.path} element={<CreateTestPage />} />
      <Route path={testRouteRef.path} element={<TestPage />} />
      <Route path={templatesRouteRef.path} element={<TemplatesPage />} />
      <Route path={usersRouteRef.path} element={<UsersPage />} />
      <Route path={syncRouteRef.path} element={<SyncPage />} />
    </Routes>
  );
}
