import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The Aegis home page, mounted at `/aegis`. */
export const rootRouteRef = createRouteRef({ id: 'aegis' });

/** The "Users & roles" administration page, below the Aegis home page. */
export const usersRouteRef = createSubRouteRef({
  id: 'aegis.users',
  parent: rootRouteRef,
  path: '/admin/users',
});
