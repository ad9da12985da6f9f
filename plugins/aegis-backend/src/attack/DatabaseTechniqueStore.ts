import { Knex } from 'knex';
import {
  TacticRecord,
  TechniqueDetail,
  TechniqueQuery,
  TechniqueRecord,
  TechniqueStore,
} from './TechniqueStore';

const TECHNIQUES = 'aegis_attack_techniques';

/** Reads techniques from the Aegis database, filtering in SQL. */
export class DatabaseTechniqueStore implements TechniqueStore {
  constructor(private readonly db: Knex) {}

  async listTactics(query: {
    domain: TacticRecord['domain'];
    includeRetired: boolean;
  }): Promise<TacticRecord[]> {
    const rows = this.db('aegis_attack_tactics')
      .where('domain', query.domain)
      .orderBy('matrix_order');
    if (!query.includeRetired) rows.where('deprecated', false);
    return (await rows).map(row => ({
      attackId: row.attack_id,
      domain: row.domain,
      name: row.name,
      shortname: row.shortname,
      description: row.description ?? undefined,
      url: row.url ?? undefined,
      deprecated: Boolean(row.deprecated),
    }));
  }

  async list(query: TechniqueQuery) {
    const rows = this.db(TECHNIQUES);
    if (query.domain) rows.where('domain', query.domain);
    if (!query.includeSubtechniques) rows.where('is_subtechnique', false);
    if (!query.includeRetired) {
      rows.where({ deprecated: false, revoked: false });
    }
    if (query.reviewRequired !== undefined) {
      rows.where('review_required', query.reviewRequired);
    }
    if (query.mitreIds) rows.whereIn('mitre_id', query.mitreIds);
    if (query.tactic) {
      rows.whereIn(
        'mitre_id',
        this.db('aegis_attack_technique_tactics')
          .select('mitre_id')
          .where('tactic', query.tactic),
      );
    }
    if (query.platform) {
      rows.whereIn(
        'mitre_id',
        this.db('aegis_attack_technique_platforms')
          .select('mitre_id')
          .where('platform', query.platform),
      );
    }
    if (query.search) {
      const text = `%${query.search.toLocaleLowerCase('en-US')}%`;
      rows.where(inner =>
        inner
          .whereRaw('lower(mitre_id) like ?', [text])
          .orWhereRaw('lower(name) like ?', [text]),
      );
    }

    const [{ count }] = await rows.clone().count({ count: '*' });
    const page = await rows
      .orderBy(query.sort, query.order)
      .orderBy('mitre_id', 'asc')
      .limit(query.limit)
      .offset(query.offset);
    return { items: page.map(toRecord), total: Number(count) };
  }

  async get(mitreId: string): Promise<TechniqueDetail | undefined> {
    const row = await this.db(TECHNIQUES).where('mitre_id', mitreId).first();
    if (!row) return undefined;

    const [subtechniques, lastChange] = await Promise.all([
      this.db(TECHNIQUES)
        .where('parent_mitre_id', mitreId)
        .orderBy('mitre_id')
        .select('mitre_id', 'name', 'deprecated', 'revoked'),
      this.db('aegis_attack_technique_changes as c')
        .join('aegis_attack_sync_runs as r', 'r.id', 'c.run_id')
        .where('c.mitre_id', mitreId)
        .orderBy('c.id', 'desc')
        .first('c.run_id', 'c.change', 'r.release', 'r.started_at'),
    ]);

    return {
      ...toRecord(row),
      subtechniques: subtechniques.map(sub => ({
        mitreId: sub.mitre_id,
        name: sub.name,
        deprecated: Boolean(sub.deprecated),
        revoked: Boolean(sub.revoked),
      })),
      lastChange: lastChange && {
        runId: Number(lastChange.run_id),
        change: lastChange.change,
        release: lastChange.release ?? undefined,
        at: lastChange.started_at,
      },
    };
  }
}

function toRecord(row: any): TechniqueRecord {
  return {
    mitreId: row.mitre_id,
    domain: row.domain,
    name: row.name,
    description: row.description ?? undefined,
    url: row.url ?? undefined,
    isSubtechnique: Boolean(row.is_subtechnique),
    parentMitreId: row.parent_mitre_id ?? undefined,
    platforms: JSON.parse(row.platforms),
    tactics: JSON.parse(row.tactics),
    version: row.version ?? undefined,
    modified: row.modified ?? undefined,
    detection: row.detection ?? undefined,
    dataSources: JSON.parse(row.data_sources),
    detectionStrategies: JSON.parse(row.detection_strategies),
    deprecated: Boolean(row.deprecated),
    revoked: Boolean(row.revoked),
    revokedBy: row.revoked_by ?? undefined,
    custom: Boolean(row.custom),
    reviewRequired: Boolean(row.review_required),
    reviewNote: row.review_note ?? undefined,
  };
}
