export interface Config {
  aegis?: {
    /** ATT&CK techniques and tactics as catalog entities. */
    catalog?: {
      /**
       * Entity ref of the owner of every Technique and Tactic entity
       * (default `group:default/security`).
       */
      owner?: string;
      /**
       * How often each backend instance asks Aegis for coverage changes
       * (default 30 seconds); an ATT&CK sync replaces the entities in full
       * on the first poll after it.
       */
      refreshInterval?: { [unit: string]: number } | string;
    };
  };
}
