import { Knex } from 'knex';

/** One change recorded in the audit log. */
export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

/** An audit log row as stored. */
export interface AuditRecord extends AuditEntry {
  id: number;
  occurredAt: string;
}

/** Filters of an audit log query; every field narrows the result. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** The append-only audit log. */
export interface AuditStore {
  /**
   * Appends an entry; pass the transaction of the change it records so that
   * both are written or neither.
   */
  append(entry: AuditEntry, trx?: Knex.Transaction): Promise<void>;

  /** Every entry about one entity, oldest first. */
  history(entityType: string, entityId: string): Promise<AuditRecord[]>;

  /** Lists entries, newest first, with the total that match the filter. */
  list(filter: AuditFilter): Promise<{ items: AuditRecord[]; total: number }>;
}
