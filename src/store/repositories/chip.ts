import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** How a challenge an upload names stands: ours and unused, already answered, or not ours (or expired). */
export type ChallengeState = 'fresh' | 'used' | 'unknown';

/** Active Authentication challenges and the chip files of a process (ReadID live). */
export class ChipRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertChallenge(row: {
    challenge: string;
    processId: string;
    clientId: string;
    createdAt: number;
    expiresAt: number;
  }): Promise<void> {
    await this.db
      .insertInto('chip_challenges')
      .values({
        challenge: row.challenge,
        process_id: row.processId,
        client_id: row.clientId,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
      })
      .execute();
  }

  /** Marks the process's challenge used and says how it stood; a used one stays used. */
  /** What useChallenge would answer now, without using the challenge. */
  async peekChallenge(processId: string, challenge: string, now: number): Promise<ChallengeState> {
    const row = await this.db
      .selectFrom('chip_challenges')
      .select(['used_at', 'expires_at'])
      .where('challenge', '=', challenge)
      .where('process_id', '=', processId)
      .executeTakeFirst();
    if (!row || row.expires_at < now) return 'unknown';
    return row.used_at === null ? 'fresh' : 'used';
  }

  async useChallenge(processId: string, challenge: string, now: number): Promise<ChallengeState> {
    const row = await this.db
      .selectFrom('chip_challenges')
      .select(['used_at', 'expires_at'])
      .where('challenge', '=', challenge)
      .where('process_id', '=', processId)
      .executeTakeFirst();
    if (!row || row.expires_at < now) return 'unknown';
    const used = await this.db
      .updateTable('chip_challenges')
      .set({ used_at: now })
      .where('challenge', '=', challenge)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return used.numUpdatedRows > 0n ? 'fresh' : 'used';
  }

  /** Sets the chip files of a pending process; returns the key it replaced, or false when not pending. */
  async setFiles(processId: string, blobKey: string): Promise<string | null | false> {
    const before = await this.db
      .selectFrom('processes')
      .select('chip_files_key')
      .where('id', '=', processId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!before) return false;
    const result = await this.db
      .updateTable('processes')
      .set({ chip_files_key: blobKey })
      .where('id', '=', processId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? before.chip_files_key : false;
  }

  async filesKey(processId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('processes')
      .select('chip_files_key')
      .where('id', '=', processId)
      .executeTakeFirst();
    return row?.chip_files_key ?? null;
  }
}
