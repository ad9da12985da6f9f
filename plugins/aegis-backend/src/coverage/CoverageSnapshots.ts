import { CoverageCounts, CoverageTrend } from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { raiseGeneration } from '../lib/DataFingerprint';
import { CoverageStore } from './CoverageStore';
import { countsWithPercent } from './rollUp';
import { PUBLIC_SCOPE } from './scope';

type SnapshotRow = {
  day: string;
  total: number;
  validated: number;
  partial: number;
  in_progress: number;
  not_covered: number;
  confirmed_gaps: number;
  stale: number;
};

/**
 * One coverage snapshot per day (UTC) for the trend. A snapshot counts what
 * everyone may see, without unrevealed blind tests: the trend is the same
 * for every reader. Taking one again the same day replaces it.
 */
export class CoverageSnapshots {
  constructor(
    private readonly db: Knex,
    private readonly coverageStore: CoverageStore,
  ) {}

  /**
   * Takes the snapshot of the day of `now`; writes it only when its counts
   * differ from the day's earlier one, so that an unchanged coverage leaves
   * the trend, and the answers cached from it, as they are.
   */
  async take(
    now: Date = new Date(),
  ): Promise<{ counts: CoverageCounts; changed: boolean }> {
    const counts = await this.coverageStore.counts({}, PUBLIC_SCOPE);
    const row = {
      day: now.toISOString().slice(0, 10),
      total: counts.total,
      validated: counts.validated,
      partial: counts.partial,
      in_progress: counts.in_progress,
      not_covered: counts.not_covered,
      confirmed_gaps: counts.confirmedGaps,
      stale: counts.stale,
    };
    const changed = await this.db.transaction(async trx => {
      const earlier: SnapshotRow | undefined = await trx(
        'aegis_coverage_snapshots',
      )
        .where({ day: row.day })
        .first();
      if (
        earlier &&
        (Object.keys(row) as Array<keyof typeof row>).every(
          key => String(earlier[key]) === String(row[key]),
        )
      ) {
        return false;
      }
      await trx('aegis_coverage_snapshots')
        .insert({ ...row, taken_at: now.toISOString() })
        .onConflict('day')
        .merge();
      await raiseGeneration(trx, 'coverage_snapshots');
      return true;
    });
    return { counts, changed };
  }

  /** The snapshots of the days from `from` to `to`, both included. */
  async trend(from: string, to: string): Promise<CoverageTrend> {
    const rows: SnapshotRow[] = await this.db('aegis_coverage_snapshots')
      .whereBetween('day', [from, to])
      .orderBy('day');
    return {
      from,
      to,
      points: rows.map(row => ({
        day: row.day,
        counts: countsWithPercent({
          total: Number(row.total),
          validated: Number(row.validated),
          partial: Number(row.partial),
          in_progress: Number(row.in_progress),
          not_covered: Number(row.not_covered),
          confirmedGaps: Number(row.confirmed_gaps),
          stale: Number(row.stale),
        }),
      })),
    };
  }
}
