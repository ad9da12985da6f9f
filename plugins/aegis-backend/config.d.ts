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
      /**
       * How long the backend keeps a decision that names no resource (may
       * this user read reports; which tests may they read), in seconds:
       * at most 5, by default as long as `policyCacheSeconds` allows.
       * 0 asks the permission backend every time.
       */
      decisionCacheSeconds?: number;
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
        /**
         * MITRE's TAXII 2.1 server, tried before the file when set. Each
         * key has a default; `taxii: {}` uses MITRE's server as it is.
         */
        taxii?: {
          /** Default `https://attack-taxii.mitre.org`. */
          url?: string;
          /** Default `/api/v21/`. */
          apiRoot?: string;
          /** Collection id per domain; MITRE's by default. */
          collections?: {
            'enterprise-attack'?: string;
            'mobile-attack'?: string;
            'ics-attack'?: string;
          };
          /** Objects per page (default 1000). */
          pageSize?: number;
          /** The server's rate limit (default 50 requests per 600 seconds). */
          requestsPerWindow?: number;
          windowSeconds?: number;
          /** Per request (default 60). */
          timeoutSeconds?: number;
          /** Retries of a 429 or 5xx answer (default 3). */
          retries?: number;
        };
        /**
         * The `mitre-attack/attack-stix-data` repository, tried after TAXII
         * when set; `github: {}` uses its index on GitHub.
         */
        github?: {
          /** The repository's index.json. */
          indexUrl?: string;
          /** A pinned ATT&CK version per domain (such as `18.1`); else the newest. */
          versions?: {
            'enterprise-attack'?: string;
            'mobile-attack'?: string;
            'ics-attack'?: string;
          };
          /** Per request (default 120). */
          timeoutSeconds?: number;
        };
      };
      /**
       * The shortest time between two scheduled runs (default one hour): a
       * run triggered through Backstage's generic scheduler endpoints sooner
       * only logs. Admins sync at once through the Aegis endpoint.
       */
      minInterval?: { [unit: string]: number } | string;
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
    /** How coverage is computed and tracked. */
    coverage?: {
      /**
       * Days after which a validation no longer counts as current: the
       * technique keeps its status but is flagged stale. Default 365.
       */
      maxAgeDays?: number;
      /**
       * How often the day's coverage snapshot for the trend is taken (it
       * replaces the day's earlier one), such as `{ hours: 1 }`, the
       * default, or an ISO 8601 duration.
       */
      snapshotFrequency?: { [unit: string]: number } | string;
      /** How long after start-up the first snapshot is taken. Default `{ seconds: 30 }`. */
      snapshotInitialDelay?: { [unit: string]: number } | string;
    };
    /**
     * The read cache of metrics, reports and the test list: answers are
     * served again while the data they came from is unchanged (checked
     * against the database on every request, so every backend instance
     * sees every other's writes).
     */
    readCache?: {
      /** Most megabytes of answers kept per backend instance. Default 64; 0 turns the cache off. */
      maxMegabytes?: number;
      /**
       * Longest an answer is served while the data is unchanged, in
       * seconds, so that what depends on the clock (staleness, "today")
       * stays current. Default 60.
       */
      maxAgeSeconds?: number;
    };
    /** Evidence files and where they are stored. */
    evidence?: {
      /** `local` (a directory, the default) or `s3` (S3-compatible). */
      store?: 'local' | 's3';
      /** Largest file accepted, in bytes (default 100 MB). */
      maxBytes?: number;
      /** Whether red must upload a file before submitting (default true). */
      requireRedEvidence?: boolean;
      local?: {
        /** Directory of the local store, relative to the backend's working directory. */
        directory?: string;
      };
      s3?: {
        bucket: string;
        /** Default `us-east-1`. */
        region?: string;
        /** For S3-compatible services such as MinIO or Ceph. */
        endpoint?: string;
        /** Path-style addressing, which most S3-compatible services need. */
        forcePathStyle?: boolean;
        /** Without keys, the standard AWS credential chain is used. */
        accessKeyId?: string;
        /** @visibility secret */
        secretAccessKey?: string;
        /** @visibility secret */
        sessionToken?: string;
        serverSideEncryption?: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
        sseKmsKeyId?: string;
        /** Many S3-compatible services need `WHEN_REQUIRED`. */
        requestChecksumCalculation?: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';
        responseChecksumValidation?: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';
        /** Opt-in presigned download URLs for large files. */
        presignedDownloads?: {
          enabled?: boolean;
          /** Smallest file that gets a URL (default 100 MB). */
          minBytes?: number;
          /** Validity of a URL in seconds (default 300). */
          expirySeconds?: number;
        };
      };
    };
  };
}
