import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: GitHub for real deployments, the Aegis development sign-in locally
// (it only runs when configured for the current auth environment).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));
backend.add(
  import('@aegis-security/plugin-auth-backend-module-aegis-dev-provider'),
);

// The event bus lets the catalog and signals share events across instances.
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
// ATT&CK techniques and tactics as catalog entities, related to the services
// they are tested against.
backend.add(import('@aegis-security/plugin-catalog-backend-module-aegis'));

backend.add(import('@backstage/plugin-permission-backend'));
// Decides Aegis permissions from Aegis roles; other plugins' stay allowed.
backend.add(
  import('@aegis-security/plugin-permission-backend-module-aegis-policy'),
);

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@aegis-security/plugin-aegis-backend'));

backend.start();
