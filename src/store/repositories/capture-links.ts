import type { Kysely, Selectable } from 'kysely';
import type { CaptureLinksTable, CaptureSessionsTable, Database } from '../schema.js';

export type CaptureDevice = 'primary' | 'handover';

export interface CaptureLinkRecord {
  tokenHash: string;
  processId: string;
  device: CaptureDevice;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  /** The session the link was exchanged for. */
  sessionHash: string | null;
}

export interface CaptureSessionRecord {
  tokenHash: string;
  processId: string;
  device: CaptureDevice;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

const toLink = (row: Selectable<CaptureLinksTable>): CaptureLinkRecord => ({
  tokenHash: row.token_hash,
  processId: row.process_id,
  device: row.device,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  sessionHash: row.session_hash,
});

const toSession = (row: Selectable<CaptureSessionsTable>): CaptureSessionRecord => ({
  tokenHash: row.token_hash,
  processId: row.process_id,
  device: row.device,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/** Capture links and the browser sessions made from them, both by the hash of their token. */
export class CaptureLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertLink(link: Omit<CaptureLinkRecord, 'usedAt' | 'sessionHash'>): Promise<void> {
    await this.db
      .insertInto('capture_links')
      .values({
        token_hash: link.tokenHash,
        process_id: link.processId,
        device: link.device,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
      })
      .execute();
  }

  async findLink(tokenHash: string): Promise<CaptureLinkRecord | undefined> {
    const row = await this.db
      .selectFrom('capture_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toLink(row);
  }

  /** Uses a link once: false when another exchange got there first. */
  async useLink(tokenHash: string, sessionHash: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('capture_links')
      .set({ used_at: now, session_hash: sessionHash })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Ends every unused link of a device of a process now (a new handover link replaces the last). */
  async expireUnused(processId: string, device: CaptureDevice, now: number): Promise<void> {
    await this.db
      .updateTable('capture_links')
      .set({ expires_at: now })
      .where('process_id', '=', processId)
      .where('device', '=', device)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
  }

  async insertSession(session: CaptureSessionRecord): Promise<void> {
    await this.db
      .insertInto('capture_sessions')
      .values({
        token_hash: session.tokenHash,
        process_id: session.processId,
        device: session.device,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findSession(tokenHash: string): Promise<CaptureSessionRecord | undefined> {
    const row = await this.db
      .selectFrom('capture_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toSession(row);
  }
}
