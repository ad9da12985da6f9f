import { Route, Routes } from 'react-router-dom';
import {
  matrixRouteRef,
  syncRouteRef,
  techniqueRouteRef,
  usersRouteRef,
} from '../../routes';
import { HomeContent } from '../HomePage';
import { MatrixPage } from '../MatrixPage';
import { SyncPage } from '../SyncPage';
import { TechniquePage } from '../TechniquePage';
import { UsersPage } from '../UsersPage';

/**
 * The Aegis pages below the plugin's mount point, shared by both frontend
 * systems.
 */
export function AegisRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomeContent />} />
      <Route path={matrixRouteRef.path} element={<MatrixPage />} />
      <Route path={techniqueRouteRef.path} element={<TechniquePage />} />
      <Route path={usersRouteRef.path} element={<UsersPage />} />
      <Route path={syncRouteRef.path} element={<SyncPage />} />
    </Routes>
  );
}
