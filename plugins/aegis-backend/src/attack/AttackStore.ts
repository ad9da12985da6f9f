import { SyncRun } from '@aegis-security/plugin-aegis-common';
import { AttackDataset, AttackDomain } from './stix/model';

export type { SyncRun };

/** How a sync changed the techniques of a domain; each counted once. */
export interface SyncCounts {
  added: number;
  changed: number;
  deprecated: number;
  revoked: number;
  unchanged: number;
}

/** Why a source was not used for a run. */
export type SkippedSource = SyncRun['skippedSources'][number];

/** The ATT&CK knowledge base and the history of its syncs. */
export interface AttackStore {
  /**
   * Applies a release in one transaction: adds new techniques, updates those
   * MITRE changed, marks deprecated and revoked ones, and writes nothing for
   * the rest. Never deletes, and never touches the fields of Aegis users.
   * Tests mapped to a technique it retires are flagged for re-mapping, in
   * the same transaction; their ids are answered.
   */
  applyDataset(
    dataset: AttackDataset,
    runId: number,
    signal?: AbortSignal,
  ): Promise<SyncCounts & { flaggedTests: string[] }>;

  /** When the most recent run of any domain started, if any did. */
  latestRunStart(): Promise<Date | undefined>;

  startRun(run: {
    domain: AttackDomain;
    trigger: string;
    triggeredBy?: string;
  }): Promise<SyncRun>;

  finishRun(
    id: number,
    result: Partial<
      Pick<
        SyncRun,
        | 'outcome'
        | 'source'
        | 'sourceDetail'
        | 'skippedSources'
        | 'release'
        | 'error'
      >
    > &
      Partial<SyncCounts>,
  ): Promise<SyncRun>;

  listRuns(options: {
    domain?: AttackDomain;
    limit: number;
    offset: number;
  }): Promise<{ items: SyncRun[]; total: number }>;
}
