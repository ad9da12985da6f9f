import { createRouteRef } from '@backstage/core-plugin-api';

/** The Aegis home page, mounted at `/aegis`. */
export const rootRouteRef = createRouteRef({ id: 'aegis' });
