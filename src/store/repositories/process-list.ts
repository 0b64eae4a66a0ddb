import type { Kysely } from 'kysely';
import type { ProcessStatus } from '../../core/process-status.js';
import { bucketOf, countBucketMs, type Database } from '../schema.js';
import { toDossierRecord, type DossierRecord } from './dossiers.js';
import { ProcessCountRepository, type BucketCount } from './process-counts.js';
import { toProcessRecord } from './process-rows.js';
import type { ProcessRecord } from '../../core/domain.js';

export interface ProcessListQuery {
  clientId: string;
  /** Inclusive bounds on creation time, epoch ms. */
  fromMs: number;
  toMs: number;
  statuses: readonly ProcessStatus[];
  offset: number;
  limit: number;
  order: 'asc' | 'desc';
}

export interface ProcessListPage {
  total: number;
  items: { process: ProcessRecord; dossier: DossierRecord }[];
}

interface Span {
  fromMs: number;
  toMs: number;
  count: number;
}

/**
 * Pages through a client's processes by creation time without scanning what it skips: whole hours
 * are counted from `process_counts`, only the (at most two) partial hours at the edges of the range
 * are counted from the index, and a deep offset first jumps to the hour that holds it.
 */
export class ProcessListRepository {
  private readonly counts: ProcessCountRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.counts = new ProcessCountRepository(db);
  }

  async page(query: ProcessListQuery): Promise<ProcessListPage> {
    if (query.toMs < query.fromMs) return { total: 0, items: [] };
    const spans = await this.spans(query);
    const total = spans.reduce((sum, span) => sum + span.count, 0);
    if (query.offset >= total) return { total, items: [] };

    // Walk the spans in the requested order until the one holding row number `offset`.
    const ordered = query.order === 'desc' ? [...spans].reverse() : spans;
    let skipped = 0;
    let start = ordered[0]!;
    for (const span of ordered) {
      start = span;
      if (skipped + span.count > query.offset) break;
      skipped += span.count;
    }
    const fromMs = query.order === 'desc' ? query.fromMs : start.fromMs;
    const toMs = query.order === 'desc' ? start.toMs : query.toMs;
    const items = await this.rows(query, fromMs, toMs, query.offset - skipped);
    return { total, items };
  }

  /** Ascending, non-overlapping time spans covering the query range, with their matching counts. */
  private async spans(query: ProcessListQuery): Promise<Span[]> {
    const firstBucket = bucketOf(query.fromMs);
    const lastBucket = bucketOf(query.toMs);
    const bucketStart = (bucket: number) => bucket * countBucketMs;
    const bucketEnd = (bucket: number) => bucket * countBucketMs + countBucketMs - 1;
    const firstIsWhole = query.fromMs === bucketStart(firstBucket);
    const lastIsWhole = query.toMs === bucketEnd(lastBucket);

    if (firstBucket === lastBucket && !(firstIsWhole && lastIsWhole)) {
      return [await this.exactSpan(query, query.fromMs, query.toMs)];
    }
    const spans: Span[] = [];
    if (!firstIsWhole) spans.push(await this.exactSpan(query, query.fromMs, bucketEnd(firstBucket)));
    const wholeFrom = firstIsWhole ? firstBucket : firstBucket + 1;
    const wholeTo = lastIsWhole ? lastBucket : lastBucket - 1;
    if (wholeFrom <= wholeTo) {
      const counted: BucketCount[] = await this.counts.perBucket(query.clientId, wholeFrom, wholeTo, query.statuses);
      for (const { bucket, count } of counted)
        spans.push({ fromMs: bucketStart(bucket), toMs: bucketEnd(bucket), count });
    }
    if (!lastIsWhole) spans.push(await this.exactSpan(query, bucketStart(lastBucket), query.toMs));
    return spans.filter((span) => span.count > 0);
  }

  private async exactSpan(query: ProcessListQuery, fromMs: number, toMs: number): Promise<Span> {
    let select = this.db
      .selectFrom('processes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('client_id', '=', query.clientId)
      .where('created_at', '>=', fromMs)
      .where('created_at', '<=', toMs);
    if (query.statuses.length > 0) select = select.where('status', 'in', query.statuses);
    const row = await select.executeTakeFirstOrThrow();
    return { fromMs, toMs, count: Number(row.n) };
  }

  private async rows(query: ProcessListQuery, fromMs: number, toMs: number, skip: number) {
    const direction = query.order;
    // Page over the covering index first, then fetch the full rows of that page only.
    let ids = this.db
      .selectFrom('processes')
      .select('id')
      .where('client_id', '=', query.clientId)
      .where('created_at', '>=', fromMs)
      .where('created_at', '<=', toMs);
    if (query.statuses.length > 0) ids = ids.where('status', 'in', query.statuses);
    const page = ids.orderBy('created_at', direction).orderBy('id', direction).limit(query.limit).offset(skip);

    const rows = await this.db
      .selectFrom('processes as p')
      .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
      .selectAll('p')
      .select([
        'd.id as d_id',
        'd.client_id as d_client_id',
        'd.external_reference as d_external_reference',
        'd.created_at as d_created_at',
        'd.updated_at as d_updated_at',
      ])
      .where('p.id', 'in', page)
      .orderBy('p.created_at', direction)
      .orderBy('p.id', direction)
      .execute();
    return rows.map((row) => ({
      process: toProcessRecord(row),
      dossier: toDossierRecord({
        id: row.d_id,
        client_id: row.d_client_id,
        external_reference: row.d_external_reference,
        created_at: row.d_created_at,
        updated_at: row.d_updated_at,
      }),
    }));
  }
}
