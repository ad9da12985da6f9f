import type { AegisApi } from '@aegis-security/plugin-aegis-common';
import { createApiRef } from '@backstage/core-plugin-api';

/**
 * The Aegis API client, as provided to the frontend.
 *
 * @public
 */
export const aegisApiRef = createApiRef<AegisApi>({
  id: 'plugin.aegis.service',
});
