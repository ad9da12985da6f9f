export interface Config {
  /** Configuration of the Aegis ATT&CK coverage plugins. */
  aegis?: {
    /**
     * Roles granted through the catalog: each role maps to user and group
     * entity refs. Members of a group's child groups hold its roles too.
     * Admins add more roles per user in the database.
     */
    roles?: {
      admin?: string[];
      red_tech?: string[];
      blue_tech?: string[];
      red_lead?: string[];
      blue_lead?: string[];
      viewer?: string[];
    };
    access?: {
      /**
       * Role of a signed-in user who holds no role: `none` (the default, no
       * Aegis access) or one of the six roles, such as `viewer`.
       */
      defaultRole?:
        | 'none'
        | 'admin'
        | 'red_tech'
        | 'blue_tech'
        | 'red_lead'
        | 'blue_lead'
        | 'viewer';
      /** Whether viewers may download evidence files (default false). */
      viewerMayDownloadEvidence?: boolean;
      /**
       * How long the permission policy keeps a user's roles, in seconds
       * (default and maximum 30).
       */
      policyCacheSeconds?: number;
    };
    /** The ATT&CK knowledge base and its sync. */
    attack?: {
      /**
       * ATT&CK domains to sync: `enterprise-attack` (the default),
       * `mobile-attack`, `ics-attack`.
       */
      domains?: Array<'enterprise-attack' | 'mobile-attack' | 'ics-attack'>;
      sources?: {
        /**
         * A STIX bundle file (`.json` or `.json.gz`) per domain, for
         * air-gapped portals.
         */
        file?: {
          'enterprise-attack'?: string;
          'mobile-attack'?: string;
          'ics-attack'?: string;
        };
      };
      /** Largest decompressed bundle accepted, in bytes (default 300 MB). */
      maxBundleBytes?: number;
      /**
       * When the sync runs (default every 24 hours, first after 1 minute),
       * as a Backstage scheduler task definition.
       */
      schedule?: {
        frequency: { [unit: string]: number } | string;
        timeout: { [unit: string]: number } | string;
        initialDelay?: { [unit: string]: number } | string;
      };
    };
  };
}
