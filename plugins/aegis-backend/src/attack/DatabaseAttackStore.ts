import { createHash } from 'crypto';
import { Knex } from 'knex';
import { AttackStore, SyncCounts, SyncRun } from './AttackStore';
import { AttackDataset, Tactic, Technique } from './stix/model';
import { raiseGeneration } from '../lib/DataFingerprint';

const RUNS = 'aegis_attack_sync_runs';
const TACTICS = 'aegis_attack_tactics';
const TECHNIQUES = 'aegis_attack_techniques';
const TECHNIQUE_TACTICS = 'aegis_attack_technique_tactics';
const TECHNIQUE_PLATFORMS = 'aegis_attack_technique_platforms';
const CHANGES = 'aegis_attack_technique_changes';
const CHUNK = 200;

type Change = 'added' | 'changed' | 'deprecated' | 'revoked';

/** The ATT&CK knowledge base in the Aegis database. */
export class DatabaseAttackStore implements AttackStore {
  constructor(private readonly db: Knex) {}

  async applyDataset(
    dataset: AttackDataset,
    runId: number,
    signal?: AbortSignal,
  ): Promise<SyncCounts & { flaggedTests: string[] }> {
    return this.db.transaction(async trx => {
      const tacticsWritten = await this.applyTactics(trx, dataset);
      const { counts, retired } = await this.applyTechniques(
        trx,
        dataset,
        runId,
        signal,
      );
      // A cancellation up to here rolls the whole release back.
      signal?.throwIfAborted();
      const flaggedTests = await flagTests(trx, retired);
      if (
        tacticsWritten ||
        counts.added + counts.changed + counts.deprecated + counts.revoked
      ) {
        // Cached coverage and reports are of the knowledge base before.
        await raiseGeneration(trx, 'knowledge_base');
      }
      return { ...counts, flaggedTests };
    });
  }

  /**
   * Writes the release's tactics in matrix order. A tactic of the domain
   * that the release's matrix no longer lists (a downgrade, a tactic MITRE
   * took out) is marked deprecated and leaves the matrix; should it come
   * back, its changed hash rewrites it. Answers how many tactics it wrote.
   */
  private async applyTactics(
    trx: Knex.Transaction,
    dataset: AttackDataset,
  ): Promise<number> {
    let written = 0;
    const stored = new Map<string, { hash: string; deprecated: boolean }>(
      (
        await trx(TACTICS)
          .where('domain', dataset.domain)
          .select('attack_id', 'content_hash', 'deprecated')
      ).map(row => [
        row.attack_id,
        { hash: row.content_hash, deprecated: Boolean(row.deprecated) },
      ]),
    );

    for (const [order, tactic] of dataset.tactics.entries()) {
      const row = tacticRow(dataset.domain, tactic, order);
      const known = stored.get(tactic.attackId);
      if (known === undefined) {
        await trx(TACTICS).insert(row);
        written += 1;
      } else if (known.hash !== row.content_hash) {
        await trx(TACTICS)
          .where({ domain: dataset.domain, attack_id: tactic.attackId })
          .update(row);
        written += 1;
      }
    }

    const listed = new Set(dataset.tactics.map(tactic => tactic.attackId));
    const dropped = [...stored]
      .filter(([attackId, known]) => !listed.has(attackId) && !known.deprecated)
      .map(([attackId]) => attackId);
    if (dropped.length) {
      await trx(TACTICS)
        .where('domain', dataset.domain)
        .whereIn('attack_id', dropped)
        .update({ deprecated: true, content_hash: 'not-in-matrix' });
    }
    return written + dropped.length;
  }

  private async applyTechniques(
    trx: Knex.Transaction,
    dataset: AttackDataset,
    runId: number,
    signal?: AbortSignal,
  ): Promise<{
    counts: SyncCounts;
    retired: Array<{ mitreId: string; reason: Change; replacement?: string }>;
  }> {
    const stored = new Map(
      (
        await trx(TECHNIQUES)
          .where({ domain: dataset.domain, custom: false })
          .select('mitre_id', 'content_hash', 'deprecated', 'revoked')
      ).map(row => [row.mitre_id as string, row]),
    );

    const counts: SyncCounts = {
      added: 0,
      changed: 0,
      deprecated: 0,
      revoked: 0,
      unchanged: 0,
    };
    const inserts: Array<ReturnType<typeof techniqueRow>> = [];
    const updates: Array<ReturnType<typeof techniqueRow>> = [];
    const changes: Array<{ mitre_id: string; change: Change }> = [];

    for (const technique of dataset.techniques) {
      const row = techniqueRow(dataset.domain, technique, runId);
      const known = stored.get(technique.mitreId);
      let change: Change | undefined;
      if (!known) {
        change = 'added';
        inserts.push(row);
      } else if (known.content_hash !== row.content_hash) {
        updates.push(row);
        if (technique.revoked && !known.revoked) change = 'revoked';
        else if (technique.deprecated && !known.deprecated) {
          change = 'deprecated';
        } else change = 'changed';
      }
      if (change) {
        counts[change] += 1;
        changes.push({ mitre_id: technique.mitreId, change });
      } else {
        counts.unchanged += 1;
      }
    }

    for (const chunk of chunks(inserts)) {
      signal?.throwIfAborted();
      await trx(TECHNIQUES).insert(chunk);
    }
    for (const row of updates) {
      signal?.throwIfAborted();
      await trx(TECHNIQUES).where('mitre_id', row.mitre_id).update(row);
    }
    await this.replaceMemberships(trx, dataset, [...inserts, ...updates]);
    for (const chunk of chunks(changes)) {
      await trx(CHANGES).insert(chunk.map(c => ({ ...c, run_id: runId })));
    }
    const replacements = new Map(
      dataset.techniques.map(t => [t.mitreId, t.revokedBy]),
    );
    return {
      counts,
      retired: changes
        .filter(c => c.change === 'revoked' || c.change === 'deprecated')
        .map(c => ({
          mitreId: c.mitre_id,
          reason: c.change,
          replacement: replacements.get(c.mitre_id),
        })),
    };
  }

  /** Rewrites the tactic and platform rows of the techniques written. */
  private async replaceMemberships(
    trx: Knex.Transaction,
    dataset: AttackDataset,
    written: Array<{ mitre_id: string }>,
  ) {
    const ids = new Set(written.map(row => row.mitre_id));
    if (ids.size === 0) return;
    for (const chunk of chunks([...ids])) {
      await trx(TECHNIQUE_TACTICS).whereIn('mitre_id', chunk).delete();
      await trx(TECHNIQUE_PLATFORMS).whereIn('mitre_id', chunk).delete();
    }

    const techniques = dataset.techniques.filter(t => ids.has(t.mitreId));
    const tacticRows = techniques.flatMap(t =>
      unique(t.tactics).map(tactic => ({ mitre_id: t.mitreId, tactic })),
    );
    const platformRows = techniques.flatMap(t =>
      unique(t.platforms).map(platform => ({ mitre_id: t.mitreId, platform })),
    );
    for (const chunk of chunks(tacticRows)) {
      await trx(TECHNIQUE_TACTICS).insert(chunk);
    }
    for (const chunk of chunks(platformRows)) {
      await trx(TECHNIQUE_PLATFORMS).insert(chunk);
    }
  }

  async startRun(run: {
    domain: AttackDataset['domain'];
    trigger: string;
    triggeredBy?: string;
  }): Promise<SyncRun> {
    const [{ id }] = await this.db(RUNS).insert(
      {
        domain: run.domain,
        trigger: run.trigger,
        triggered_by: run.triggeredBy ?? null,
        started_at: new Date().toISOString(),
        outcome: 'running',
      },
      ['id'],
    );
    return this.getRun(Number(id));
  }

  async finishRun(
    id: number,
    result: Parameters<AttackStore['finishRun']>[1],
  ): Promise<SyncRun> {
    const run = await this.getRun(id);
    const finishedAt = new Date();
    await this.db(RUNS)
      .where('id', id)
      .update({
        finished_at: finishedAt.toISOString(),
        duration_ms: finishedAt.getTime() - Date.parse(run.startedAt),
        outcome: result.outcome,
        source: result.source,
        source_detail: result.sourceDetail,
        skipped_sources: JSON.stringify(result.skippedSources ?? []),
        release: result.release,
        error: result.error,
        added: result.added ?? 0,
        changed: result.changed ?? 0,
        deprecated: result.deprecated ?? 0,
        revoked: result.revoked ?? 0,
        unchanged: result.unchanged ?? 0,
      });
    return this.getRun(id);
  }

  async latestRunStart(): Promise<Date | undefined> {
    const row = await this.db(RUNS).orderBy('id', 'desc').first('started_at');
    return row ? new Date(row.started_at) : undefined;
  }

  async listRuns(options: {
    domain?: AttackDataset['domain'];
    limit: number;
    offset: number;
  }): Promise<{ items: SyncRun[]; total: number }> {
    const query = this.db(RUNS);
    if (options.domain) query.where('domain', options.domain);
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset);
    return { items: rows.map(toRun), total: Number(count) };
  }

  private async getRun(id: number): Promise<SyncRun> {
    return toRun(await this.db(RUNS).where('id', id).first());
  }
}

function tacticRow(domain: string, tactic: Tactic, order: number) {
  const row = {
    domain,
    attack_id: tactic.attackId,
    stix_id: tactic.stixId,
    name: tactic.name,
    shortname: tactic.shortname,
    description: tactic.description ?? null,
    url: tactic.url ?? null,
    matrix_order: order,
    deprecated: tactic.deprecated,
  };
  return { ...row, content_hash: hashOf(row) };
}

function techniqueRow(domain: string, technique: Technique, runId: number) {
  const row = {
    mitre_id: technique.mitreId,
    domain,
    stix_id: technique.stixId,
    name: technique.name,
    description: technique.description ?? null,
    url: technique.url ?? null,
    is_subtechnique: technique.isSubtechnique,
    parent_mitre_id: technique.parentMitreId ?? null,
    version: technique.version ?? null,
    modified: technique.modified ?? null,
    detection: technique.detection ?? null,
    data_sources: JSON.stringify(technique.dataSources),
    detection_strategies: JSON.stringify(technique.detectionStrategies),
    platforms: JSON.stringify(technique.platforms),
    tactics: JSON.stringify(technique.tactics),
    deprecated: technique.deprecated,
    revoked: technique.revoked,
    revoked_by: technique.revokedBy ?? null,
  };
  return { ...row, content_hash: hashOf(row), last_changed_run_id: runId };
}

function hashOf(row: object): string {
  return createHash('sha256').update(JSON.stringify(row)).digest('hex');
}

function toRun(row: any): SyncRun {
  return {
    id: Number(row.id),
    domain: row.domain,
    trigger: row.trigger,
    triggeredBy: row.triggered_by ?? undefined,
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? undefined,
    outcome: row.outcome,
    source: row.source ?? undefined,
    sourceDetail: row.source_detail ?? undefined,
    skippedSources: row.skipped_sources ? JSON.parse(row.skipped_sources) : [],
    release: row.release ?? undefined,
    added: Number(row.added),
    changed: Number(row.changed),
    deprecated: Number(row.deprecated),
    revoked: Number(row.revoked),
    unchanged: Number(row.unchanged),
    durationMs: row.duration_ms === null ? undefined : Number(row.duration_ms),
    error: row.error ?? undefined,
  };
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/**
 * Flags the tests mapped to techniques this release retired, with the
 * replacement of a revoked one; answers the flagged tests' ids.
 */
async function flagTests(
  trx: Knex.Transaction,
  retired: Array<{ mitreId: string; reason: Change; replacement?: string }>,
): Promise<string[]> {
  if (!retired.length) {
    return [];
  }
  const flaggedAt = new Date().toISOString();
  for (const technique of retired) {
    // A revocation replaces an earlier deprecation flag: it names the
    // replacement.
    await trx('aegis_test_techniques')
      .where({ mitre_id: technique.mitreId })
      .where(query =>
        technique.reason === 'revoked'
          ? query
              .whereNull('remap_reason')
              .orWhere('remap_reason', 'deprecated')
          : query.whereNull('remap_reason'),
      )
      .update({
        remap_reason: technique.reason,
        remap_to: technique.replacement ?? null,
        flagged_at: flaggedAt,
      });
  }
  return trx('aegis_test_techniques')
    .whereIn(
      'mitre_id',
      retired.map(technique => technique.mitreId),
    )
    .where('flagged_at', flaggedAt)
    .distinct('test_id')
    .pluck('test_id');
}
