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
  };
}
