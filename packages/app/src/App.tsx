import { createApp } from '@backstage/frontend-defaults';
import aegisPlugin from '@aegis-security/plugin-aegis/alpha';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import { catalogGraphModule } from './modules/catalogGraph';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    aegisPlugin,
    catalogPlugin,
    catalogGraphPlugin,
    notificationsPlugin,
    orgPlugin,
    signalsPlugin,
    userSettingsPlugin,
    catalogGraphModule,
    navModule,
    signInModule,
  ],
});
