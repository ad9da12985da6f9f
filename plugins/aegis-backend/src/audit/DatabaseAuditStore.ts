import { Knex } from 'knex';
import { toIsoTimestamp } from '../lib/time';
import { AuditEntry, AuditFilter, AuditRecord, AuditStore } from './AuditStore';

const TABLE = 'aegis_audit_log';

type AuditRow = {
  id: number | string;
  occurred_at: Date | string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  request_id: string | null;
};

/** The audit log in the Aegis database. */
export class DatabaseAuditStore implements AuditStore {
  constructor(private readonly db: Knex) {}

  async append(entry: AuditEntry, trx?: Knex.Transaction): Promise<void> {
    await (trx ?? this.db)(TABLE).insert({
      // ISO strings sort and compare the same way on SQLite and PostgreSQL.
      occurred_at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: serialize(entry.before),
      after: serialize(entry.after),
      request_id: entry.requestId ?? null,
    });
  }

  async history(entityType: string, entityId: string): Promise<AuditRecord[]> {
    const rows: AuditRow[] = await this.db(TABLE)
      .where({ entity_type: entityType, entity_id: entityId })
      .orderBy('id', 'asc');
    return rows.map(toRecord);
  }

  async list(
    filter: AuditFilter,
  ): Promise<{ items: AuditRecord[]; total: number }> {
    const query = this.db(TABLE);
    if (filter.actor) query.where('actor', filter.actor);
    if (filter.action) query.where('action', filter.action);
    if (filter.entityType) query.where('entity_type', filter.entityType);
    if (filter.entityId) query.where('entity_id', filter.entityId);
    if (filter.from) {
      query.where('occurred_at', '>=', filter.from.toISOString());
    }
    if (filter.to) query.where('occurred_at', '<', filter.to.toISOString());

    const [{ count }] = await query.clone().count({ count: '*' });
    const rows: AuditRow[] = await query
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset);

    return { items: rows.map(toRecord), total: Number(count) };
  }
}

function serialize(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    occurredAt: toIsoTimestamp(row.occurred_at),
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before === null ? undefined : JSON.parse(row.before),
    after: row.after === null ? undefined : JSON.parse(row.after),
    requestId: row.request_id ?? undefined,
  };
}
