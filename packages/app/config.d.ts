export interface Config {
  app?: {
    /**
     * Demo users offered by the development sign-in page. Leave it out in
     * production, where the page offers the real sign-in provider.
     */
    devSignIn?: {
      /** @visibility frontend */
      users: Array<{
        /** Catalog user name, for example `ada.admin`. @visibility frontend */
        name: string;
        /** The Aegis role the demo user holds. @visibility frontend */
        role: string;
      }>;
    };
  };
}
