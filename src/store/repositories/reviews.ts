import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A process waiting for (or decided by) a person, as the review queue keeps it. */
export interface ReviewRecord {
  processId: string;
  clientId: string;
  provider: string;
  queuedAt: number;
  claimedBy: string | null;
  claimExpiresAt: number | null;
  state: 'queued' | 'decided';
  decidedAt: number | null;
}

/** One reviewer's decision on a review: an approval awaiting a second one, or the final decision. */
export interface ReviewDecisionRecord {
  id: string;
  processId: string;
  clientId: string;
  operator: string;
  decision: 'accept' | 'reject';
  reason: string;
  comment: string | null;
  corrections: Record<string, string> | null;
  at: number;
}

type ReviewRow = Database['reviews'];

const toRecord = (row: ReviewRow): ReviewRecord => ({
  processId: row.process_id,
  clientId: row.client_id,
  provider: row.provider,
  queuedAt: Number(row.queued_at),
  claimedBy: row.claimed_by,
  claimExpiresAt: row.claim_expires_at === null ? null : Number(row.claim_expires_at),
  state: row.state === 'decided' ? 'decided' : 'queued',
  decidedAt: row.decided_at === null ? null : Number(row.decided_at),
});

/**
 * The review queue. Claims are compare-and-sets on the row, so two reviewers claiming at once cannot
 * both win; deciding moves the row out of the queue in the transaction that finishes the process.
 */
export class ReviewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(review: { processId: string; clientId: string; provider: string; queuedAt: number }): Promise<void> {
    await this.db
      .insertInto('reviews')
      .values({
        process_id: review.processId,
        client_id: review.clientId,
        provider: review.provider,
        queued_at: review.queuedAt,
        claimed_by: null,
        claim_expires_at: null,
        state: 'queued',
        decided_at: null,
      })
      .execute();
  }

  async find(processId: string): Promise<ReviewRecord | undefined> {
    const row = await this.db.selectFrom('reviews').selectAll().where('process_id', '=', processId).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Queued reviews, oldest first; of the given clients only, when the operator is limited to some. */
  async listQueued(clientIds: readonly string[] | null, limit: number): Promise<ReviewRecord[]> {
    if (clientIds !== null && clientIds.length === 0) return [];
    let query = this.db.selectFrom('reviews').selectAll().where('state', '=', 'queued');
    if (clientIds !== null) query = query.where('client_id', 'in', clientIds);
    const rows = await query.orderBy('queued_at').orderBy('process_id').limit(limit).execute();
    return rows.map(toRecord);
  }

  /** Takes the claim when it is free, lapsed or already the operator's; false when someone else holds it. */
  async claim(processId: string, operator: string, now: number, expiresAt: number): Promise<boolean> {
    const result = await this.db
      .updateTable('reviews')
      .set({ claimed_by: operator, claim_expires_at: expiresAt })
      .where('process_id', '=', processId)
      .where('state', '=', 'queued')
      .where((eb) =>
        eb.or([eb('claimed_by', 'is', null), eb('claim_expires_at', '<=', now), eb('claimed_by', '=', operator)]),
      )
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Gives the operator's claim back (nothing happens when the operator holds none). */
  async release(processId: string, operator: string): Promise<void> {
    await this.db
      .updateTable('reviews')
      .set({ claimed_by: null, claim_expires_at: null })
      .where('process_id', '=', processId)
      .where('claimed_by', '=', operator)
      .execute();
  }

  /** Ends the review; false when it was no longer queued (decided by someone else meanwhile). */
  async markDecided(processId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('reviews')
      .set({ state: 'decided', decided_at: now, claimed_by: null, claim_expires_at: null })
      .where('process_id', '=', processId)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insertDecision(decision: ReviewDecisionRecord): Promise<void> {
    await this.db
      .insertInto('review_decisions')
      .values({
        id: decision.id,
        process_id: decision.processId,
        client_id: decision.clientId,
        operator: decision.operator,
        decision: decision.decision,
        reason: decision.reason,
        comment: decision.comment,
        corrections: decision.corrections === null ? null : JSON.stringify(decision.corrections),
        at: decision.at,
      })
      .execute();
  }

  /** The decisions on a process, oldest first. */
  async decisions(processId: string): Promise<ReviewDecisionRecord[]> {
    const rows = await this.db
      .selectFrom('review_decisions')
      .selectAll()
      .where('process_id', '=', processId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      processId: row.process_id,
      clientId: row.client_id,
      operator: row.operator,
      decision: row.decision === 'accept' ? 'accept' : 'reject',
      reason: row.reason,
      comment: row.comment,
      corrections: row.corrections === null ? null : (JSON.parse(row.corrections) as Record<string, string>),
      at: Number(row.at),
    }));
  }
}
