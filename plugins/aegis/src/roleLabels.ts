import type { AegisRole } from '@aegis-security/plugin-aegis-common';

/** How each Aegis role is named on screen. */
export const ROLE_LABELS: Record<AegisRole, string> = {
  admin: 'Admin',
  red_lead: 'Red lead',
  blue_lead: 'Blue lead',
  red_tech: 'Red tech',
  blue_tech: 'Blue tech',
  viewer: 'Viewer',
};
