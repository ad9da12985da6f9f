export interface Config {
  aegis?: {
    access?: {
      /** Whether viewers may download evidence files (default false). */
      viewerMayDownloadEvidence?: boolean;
      /**
       * How long the policy keeps a user's roles, in seconds (default and
       * maximum 30): a role change or deactivation takes effect within it.
       */
      policyCacheSeconds?: number;
    };
  };
}
