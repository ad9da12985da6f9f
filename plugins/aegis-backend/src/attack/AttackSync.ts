import { LoggerService } from '@backstage/backend-plugin-api';
import { AttackStore, SkippedSource, SyncRun } from './AttackStore';
import { BundleSource, FetchedBundle } from './sources/BundleSource';
import { AttackDomain } from './stix/model';
import { parseAttackBundle } from './stix/parseAttackBundle';

/** Who or what started a sync. */
export interface SyncTrigger {
  trigger: 'schedule' | 'manual';
  triggeredBy?: string;
  /** Cancels the run; a cancelled run fails and changes no data. */
  signal?: AbortSignal;
}

/**
 * Syncs each enabled ATT&CK domain from the first source that serves it,
 * recording every run: which source served it, why earlier ones were passed
 * over, the counts, and the error of a failed run, which changes no data.
 */
export class AttackSync {
  constructor(
    private readonly options: {
      store: AttackStore;
      sources: BundleSource[];
      domains: AttackDomain[];
      logger: LoggerService;
      /** Told of the tests a run flagged for re-mapping. */
      onTestsFlagged?: (
        domain: AttackDomain,
        testIds: string[],
      ) => Promise<void>;
    },
  ) {}

  /** The sync in progress in this instance; runs never overlap here. */
  private running: Promise<unknown> = Promise.resolve();

  syncAll(trigger: SyncTrigger): Promise<SyncRun[]> {
    return this.exclusive(() => this.syncDomains(trigger));
  }

  /** Syncs one domain from a bundle an admin uploaded, as any other run. */
  syncUploaded(
    domain: AttackDomain,
    upload: FetchedBundle,
    trigger: SyncTrigger,
  ): Promise<SyncRun> {
    const source: BundleSource = {
      name: 'upload',
      unavailableFor: () => undefined,
      fetch: async () => upload,
    };
    return this.exclusive(() => this.syncDomain(domain, trigger, [source]));
  }

  /** Runs one sync after the one in progress in this instance. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async syncDomains(trigger: SyncTrigger): Promise<SyncRun[]> {
    const runs: SyncRun[] = [];
    for (const domain of this.options.domains) {
      runs.push(await this.syncDomain(domain, trigger));
    }
    return runs;
  }

  private async syncDomain(
    domain: AttackDomain,
    trigger: SyncTrigger,
    sources: BundleSource[] = this.options.sources,
  ): Promise<SyncRun> {
    const { store, logger } = this.options;
    const run = await store.startRun({ domain, ...trigger });
    const log = logger.child({ task: 'attack-sync', domain, runId: run.id });
    log.info(`ATT&CK sync of ${domain} started`, { trigger: trigger.trigger });

    const skippedSources: SkippedSource[] = [];
    for (const source of sources) {
      const unavailable = source.unavailableFor(domain);
      if (unavailable) {
        skippedSources.push({ source: source.name, reason: unavailable });
        continue;
      }
      try {
        trigger.signal?.throwIfAborted();
        const fetched = await source.fetch(domain);
        const dataset = parseAttackBundle(fetched.bundle, domain);
        trigger.signal?.throwIfAborted();
        const { flaggedTests, ...counts } = await store.applyDataset(
          dataset,
          run.id,
          trigger.signal,
        );
        const finished = await store.finishRun(run.id, {
          outcome: 'succeeded',
          source: source.name,
          sourceDetail: fetched.detail,
          skippedSources,
          release: dataset.release,
          ...counts,
        });
        if (flaggedTests.length && this.options.onTestsFlagged) {
          await this.options
            .onTestsFlagged(domain, flaggedTests)
            .catch(error =>
              log.warn('Could not tell the leads of the flagged tests', error),
            );
        }
        log.info(`ATT&CK sync of ${domain} finished`, {
          source: source.name,
          release: dataset.release ?? 'unknown',
          durationMs: finished.durationMs ?? 0,
          ...counts,
        });
        return finished;
      } catch (error) {
        if (trigger.signal?.aborted) {
          log.warn(`ATT&CK sync of ${domain} was cancelled; no data changed`);
          return store.finishRun(run.id, {
            outcome: 'failed',
            skippedSources,
            error: 'Cancelled through the scheduler; no data changed',
          });
        }
        skippedSources.push({
          source: source.name,
          reason: `failed: ${(error as Error).message}`,
        });
        log.warn(
          `ATT&CK source ${source.name} failed for ${domain}`,
          error as Error,
        );
      }
    }

    const reasons = skippedSources
      .map(skipped => `${skipped.source}: ${skipped.reason}`)
      .join('; ');
    log.error(`ATT&CK sync of ${domain} failed: no source served it`);
    return store.finishRun(run.id, {
      outcome: 'failed',
      skippedSources,
      error: `No source served ${domain} (${reasons})`,
    });
  }
}
