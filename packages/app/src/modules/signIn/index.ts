import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => import('./DevSignInPage').then(m => m.DevSignInPage),
  },
});

/** Replaces the app's sign-in page with the Aegis one. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
