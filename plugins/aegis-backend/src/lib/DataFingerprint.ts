import { Knex } from 'knex';

/** The kinds of data whose writers raise a generation. */
export type DataGeneration = 'tests' | 'knowledge_base' | 'coverage_snapshots';

/**
 * Raises a generation in the writer's transaction: readers see the new
 * generation exactly when they see the change.
 */
export async function raiseGeneration(
  db: Knex | Knex.Transaction,
  name: DataGeneration,
): Promise<void> {
  await db('aegis_data_generations')
    .insert({ name, generation: 1 })
    .onConflict('name')
    .merge({ generation: db.raw('aegis_data_generations.generation + 1') });
}

/**
 * A value that changes whenever data that metrics, reports and the test
 * list are computed from changes, read from the database so that every
 * backend instance sees every other's writes.
 *
 * The test workflow and evidence uploads and deletions raise the `tests`
 * generation as the last statement of each of their transactions, the
 * ATT&CK sync, custom-technique edits and the trend snapshots raise theirs; the latest `updated_at` of the tests (every
 * writer sets it) is read beside them, from its index, as a second guard.
 * Both reads cost the same at any number of tests.
 */
export class DataFingerprint {
  private running?: Promise<string>;
  private queued?: Promise<string>;

  constructor(private readonly db: Knex) {}

  /**
   * The fingerprint as of a moment after the call: concurrent callers share
   * a read, but never one that began before they called, which could miss a
   * write they had just made.
   */
  current(): Promise<string> {
    if (!this.running) {
      const read = this.read().finally(() => {
        if (this.running === read) this.running = undefined;
      });
      this.running = read;
      return read;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.current();
      });
    return this.queued;
  }

  private async read(): Promise<string> {
    const [tests, generations] = await Promise.all([
      this.db('aegis_tests').max({ updated: 'updated_at' }).first(),
      this.db('aegis_data_generations')
        .orderBy('name')
        .select('name', 'generation'),
    ]);
    return JSON.stringify([
      tests?.updated ?? '',
      generations.map(row => `${row.name}:${row.generation}`),
    ]);
  }
}
