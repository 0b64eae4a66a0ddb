import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../schema.js';

export interface AuditEntry {
  id: string;
  at: number;
  operator: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

const toEntry = (row: Selectable<AuditLogTable>): AuditEntry => ({
  id: row.id,
  at: row.at,
  operator: row.operator,
  action: row.action,
  target: row.target,
  before: row.before === null ? null : (JSON.parse(row.before) as unknown),
  after: row.after === null ? null : (JSON.parse(row.after) as unknown),
});

export interface AuditFilter {
  operator?: string;
  action?: string;
  /** Keyset: entries strictly older than this (at, id). */
  before?: { at: number; id: string };
}

/** The append-only audit log: entries are inserted and read, never changed (the database refuses it). */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: entry.id,
        at: entry.at,
        operator: entry.operator,
        action: entry.action,
        target: entry.target,
        before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
      })
      .execute();
  }

  /** Entries newest first. */
  async list(filter: AuditFilter, limit: number): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.operator !== undefined) query = query.where('operator', '=', filter.operator);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    const before = filter.before;
    if (before !== undefined) {
      query = query.where((eb) =>
        eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
      );
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toEntry);
  }
}
