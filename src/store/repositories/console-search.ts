import { sql, type Kysely } from 'kysely';
import type { ProcessStatus } from '../../core/process-status.js';
import type { Database } from '../schema.js';

/** A process as the console lists it. */
export interface ConsoleProcessRow {
  processId: string;
  dossierId: string;
  clientId: string;
  clientName: string;
  provider: string;
  processType: string | null;
  status: ProcessStatus;
  createdAt: number;
  updatedAt: number;
  externalReference: string | null;
  externalId: string | null;
}

export interface ProcessSearch {
  /** Only these clients; null: every client. */
  clients: readonly string[] | null;
  /** A process id, dossier id, external reference or external id, matched exactly. */
  q?: string;
  clientId?: string;
  provider?: string;
  status?: ProcessStatus;
  /** createdAt >= from, < to (epoch ms). */
  from?: number;
  to?: number;
  /** Keyset: processes strictly older than this (createdAt, id). */
  after?: { createdAt: number; id: string };
  dossierId?: string;
}

export interface DayCount {
  day: number;
  provider: string;
  status: ProcessStatus;
  count: number;
}

/**
 * The console's reads across clients: the process search (newest first, keyset pages, on the indexes
 * of migration 0007) and the overview's counts. Every query takes the operator's client limit.
 */
export class ConsoleSearchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async searchProcesses(search: ProcessSearch, limit: number): Promise<ConsoleProcessRow[]> {
    let query = this.db
      .selectFrom('processes as p')
      .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .select([
        'p.id as processId',
        'p.dossier_id as dossierId',
        'p.client_id as clientId',
        'c.name as clientName',
        'p.provider as provider',
        'p.process_type as processType',
        'p.status as status',
        'p.created_at as createdAt',
        'p.updated_at as updatedAt',
        'd.external_reference as externalReference',
        'p.external_id as externalId',
      ]);
    if (search.clients !== null) {
      if (search.clients.length === 0) return [];
      query = query.where('p.client_id', 'in', [...search.clients]);
    }
    if (search.q !== undefined) {
      const ids = await this.idsMatching(search.q);
      if (ids.length === 0) return [];
      query = query.where('p.id', 'in', ids);
    }
    if (search.dossierId !== undefined) query = query.where('p.dossier_id', '=', search.dossierId);
    if (search.clientId !== undefined) query = query.where('p.client_id', '=', search.clientId);
    if (search.provider !== undefined) query = query.where('p.provider', '=', search.provider);
    if (search.status !== undefined) query = query.where('p.status', '=', search.status);
    if (search.from !== undefined) query = query.where('p.created_at', '>=', search.from);
    if (search.to !== undefined) query = query.where('p.created_at', '<', search.to);
    const after = search.after;
    if (after !== undefined) {
      query = query.where((eb) =>
        eb.or([
          eb('p.created_at', '<', after.createdAt),
          eb.and([eb('p.created_at', '=', after.createdAt), eb('p.id', '<', after.id)]),
        ]),
      );
    }
    return query.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(limit).execute();
  }

  /**
   * The processes an identifier names: as process id, dossier id, external id or its dossier's external
   * reference. Four lookups, each on its own index, joined by UNION: one query with OR would make
   * PostgreSQL walk every process by time instead.
   */
  private async idsMatching(q: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('processes')
      .select('id')
      .where('id', '=', q)
      .union(this.db.selectFrom('processes').select('id').where('dossier_id', '=', q))
      .union(this.db.selectFrom('processes').select('id').where('external_id', '=', q))
      .union(
        this.db
          .selectFrom('processes as p')
          .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
          .select('p.id')
          .where('d.external_reference', '=', q),
      )
      .limit(1000)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Where a process is: its client and dossier, or undefined. */
  async locateProcess(processId: string): Promise<{ clientId: string; dossierId: string } | undefined> {
    return this.db
      .selectFrom('processes')
      .select(['client_id as clientId', 'dossier_id as dossierId'])
      .where('id', '=', processId)
      .executeTakeFirst();
  }

  /** The client of a dossier, or undefined. */
  async locateDossier(dossierId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('dossiers').select('client_id').where('id', '=', dossierId).executeTakeFirst();
    return row?.client_id;
  }

  /** The legacy notificationUrl of a process. */
  async notificationUrlOf(processId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('processes')
      .select('notification_url')
      .where('id', '=', processId)
      .executeTakeFirst();
    return row?.notification_url ?? null;
  }

  /** Processes created in [from, to), counted by UTC day, provider and status. */
  async countsPerDay(clients: readonly string[] | null, from: number, to: number): Promise<DayCount[]> {
    if (clients !== null && clients.length === 0) return [];
    let query = this.db
      .selectFrom('processes')
      .select((eb) => [
        sql<number>`${eb.ref('created_at')} / 86400000`.as('day'),
        'provider',
        'status',
        eb.fn.countAll<number | string>().as('count'),
      ])
      .where('created_at', '>=', from)
      .where('created_at', '<', to);
    if (clients !== null) query = query.where('client_id', 'in', [...clients]);
    const rows = await query.groupBy([sql`1`, 'provider', 'status']).execute();
    return rows.map((r) => ({ day: Number(r.day), provider: r.provider, status: r.status, count: Number(r.count) }));
  }

  /** How long final processes created in [from, to) took to end, in ms (the most recent `limit`). */
  async durationsToFinal(
    clients: readonly string[] | null,
    from: number,
    to: number,
    limit: number,
  ): Promise<number[]> {
    if (clients !== null && clients.length === 0) return [];
    let query = this.db
      .selectFrom('processes')
      .select(['created_at', 'finished_at'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('finished_at', 'is not', null);
    if (clients !== null) query = query.where('client_id', 'in', [...clients]);
    const rows = await query.orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((r) => (r.finished_at ?? r.created_at) - r.created_at);
  }

  async reviewQueue(clients: readonly string[] | null): Promise<{ length: number; oldest: number | null }> {
    if (clients !== null && clients.length === 0) return { length: 0, oldest: null };
    let query = this.db
      .selectFrom('reviews')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('queued_at').as('oldest')])
      .where('state', '=', 'queued');
    if (clients !== null) query = query.where('client_id', 'in', [...clients]);
    const row = await query.executeTakeFirstOrThrow();
    return { length: Number(row.n), oldest: row.oldest === null ? null : Number(row.oldest) };
  }

  /** Failed delivery attempts since `since`, and deliveries that were given up. */
  async webhookFailures(clients: readonly string[] | null, since: number): Promise<{ recent: number; dead: number }> {
    if (clients !== null && clients.length === 0) return { recent: 0, dead: 0 };
    let recent = this.db
      .selectFrom('notification_attempts as a')
      .innerJoin('notification_deliveries as d', 'd.id', 'a.delivery_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('a.outcome', '!=', 'delivered')
      .where('a.started_at', '>=', since);
    let dead = this.db
      .selectFrom('notification_deliveries')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('status', '=', 'dead');
    if (clients !== null) {
      recent = recent.where('d.client_id', 'in', [...clients]);
      dead = dead.where('client_id', 'in', [...clients]);
    }
    const [r, d] = await Promise.all([recent.executeTakeFirstOrThrow(), dead.executeTakeFirstOrThrow()]);
    return { recent: Number(r.n), dead: Number(d.n) };
  }

  async decisionsByReviewer(
    clients: readonly string[] | null,
    from: number,
    to: number,
  ): Promise<{ email: string; decision: string; count: number }[]> {
    if (clients !== null && clients.length === 0) return [];
    let query = this.db
      .selectFrom('review_decisions')
      .select((eb) => ['operator', 'decision', eb.fn.countAll<number | string>().as('n')])
      .where('at', '>=', from)
      .where('at', '<', to);
    if (clients !== null) query = query.where('client_id', 'in', [...clients]);
    const rows = await query.groupBy(['operator', 'decision']).execute();
    return rows.map((r) => ({ email: r.operator, decision: r.decision, count: Number(r.n) }));
  }

  deliveries(search: DeliverySearch, limit: number) {
    return searchDeliveries(this.db, search, limit);
  }

  /** Processes per client (for the client list). */
  async processCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('process_counts')
      .select((eb) => ['client_id', eb.fn.sum<number | string>('count').as('n')])
      .groupBy('client_id')
      .execute();
    return new Map(rows.map((r) => [r.client_id, Number(r.n)]));
  }
}

export interface DeliverySearch {
  clients: readonly string[] | null;
  clientId?: string;
  /** Only deliveries that failed at least once and were not delivered since. */
  failed?: boolean;
  before?: { createdAt: number; id: string };
}

/** Deliveries across clients, newest first, for the console's webhook page. */
async function searchDeliveries(db: Kysely<Database>, search: DeliverySearch, limit: number) {
  if (search.clients !== null && search.clients.length === 0) return [];
  let query = db.selectFrom('notification_deliveries').selectAll();
  if (search.clients !== null) query = query.where('client_id', 'in', [...search.clients]);
  if (search.clientId !== undefined) query = query.where('client_id', '=', search.clientId);
  if (search.failed) query = query.where('status', '!=', 'delivered').where('attempts', '>', 0);
  const before = search.before;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', before.createdAt),
        eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
