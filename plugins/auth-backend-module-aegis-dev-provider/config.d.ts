export interface Config {
  auth?: {
    providers?: {
      /**
       * Development-only sign-in as any catalog user. Configure it per auth
       * environment, for example `aegis-dev: { development: {} }`; it refuses
       * a `production` section and NODE_ENV=production.
       */
      'aegis-dev'?: {
        [authEnv: string]: {};
      };
    };
  };
}
