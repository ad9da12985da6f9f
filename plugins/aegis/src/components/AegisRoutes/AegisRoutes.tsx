import { Route, Routes } from 'react-router-dom';
import { usersRouteRef } from '../../routes';
import { HomeContent } from '../HomePage';
import { UsersPage } from '../UsersPage';

/**
 * The Aegis pages below the plugin's mount point, shared by both frontend
 * systems.
 */
export function AegisRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomeContent />} />
      <Route path={usersRouteRef.path} element={<UsersPage />} />
    </Routes>
  );
}
