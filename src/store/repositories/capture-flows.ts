import type { Kysely, Selectable } from 'kysely';
import type { SelfieVideoState } from '../../capture/selfie-video.js';
import type { CaptureSettings } from '../../capture/settings.js';
import type { CaptureFlowsTable, Database } from '../schema.js';

export type CaptureStep = 'front' | 'back' | 'selfie';

/** Where the desktop's offer to continue on a phone stands. */
export interface HandoverState {
  status: 'none' | 'waiting' | 'opened' | 'finished';
  /** When the current handover link stops working (epoch ms). */
  expiresAt: number | null;
}

export interface CaptureFlowRecord {
  processId: string;
  clientId: string;
  dossierId: string;
  /** `app`: this server's capture steps; `provider`: the provider's own app (the sandbox's provider page). */
  kind: 'app' | 'provider';
  settings: CaptureSettings;
  redirectUrl: string;
  requestDomain: string | null;
  /** Images of each step the checks refused so far. */
  attempts: Partial<Record<CaptureStep, number>>;
  handover: HandoverState;
  /** How the end-user left: finished (the verification runs) or canceled; null while under way. */
  endedAs: 'processing' | 'canceled' | null;
  /** The selfie video step's prompt and kept video; null until the end-user reaches that step. */
  selfieVideo: SelfieVideoState | null;
  createdAt: number;
  updatedAt: number;
}

const toRecord = (row: Selectable<CaptureFlowsTable>): CaptureFlowRecord => ({
  processId: row.process_id,
  clientId: row.client_id,
  dossierId: row.dossier_id,
  kind: row.kind,
  settings: JSON.parse(row.settings) as CaptureSettings,
  redirectUrl: row.redirect_url,
  requestDomain: row.request_domain,
  attempts: JSON.parse(row.attempts) as CaptureFlowRecord['attempts'],
  handover: JSON.parse(row.handover) as HandoverState,
  endedAs: row.ended_as,
  selfieVideo: row.selfie_video === null ? null : (JSON.parse(row.selfie_video) as SelfieVideoState),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Capture flows, one per process started through Start capture flow. */
export class CaptureFlowRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: CaptureFlowRecord): Promise<void> {
    await this.db
      .insertInto('capture_flows')
      .values({
        process_id: record.processId,
        client_id: record.clientId,
        dossier_id: record.dossierId,
        kind: record.kind,
        settings: JSON.stringify(record.settings),
        redirect_url: record.redirectUrl,
        request_domain: record.requestDomain,
        attempts: JSON.stringify(record.attempts),
        handover: JSON.stringify(record.handover),
        ended_as: record.endedAs,
        selfie_video: record.selfieVideo === null ? null : JSON.stringify(record.selfieVideo),
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .execute();
  }

  async find(processId: string): Promise<CaptureFlowRecord | undefined> {
    const row = await this.db
      .selectFrom('capture_flows')
      .selectAll()
      .where('process_id', '=', processId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async setAttempts(processId: string, attempts: CaptureFlowRecord['attempts'], now: number): Promise<void> {
    await this.db
      .updateTable('capture_flows')
      .set({ attempts: JSON.stringify(attempts), updated_at: now })
      .where('process_id', '=', processId)
      .execute();
  }

  async setHandover(processId: string, handover: HandoverState, now: number): Promise<void> {
    await this.db
      .updateTable('capture_flows')
      .set({ handover: JSON.stringify(handover), updated_at: now })
      .where('process_id', '=', processId)
      .execute();
  }

  /** Gives the flow its selfie video prompt, once: false when it already had one (a racing request's). */
  async startSelfieVideo(processId: string, state: SelfieVideoState, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('capture_flows')
      .set({ selfie_video: JSON.stringify(state), updated_at: now })
      .where('process_id', '=', processId)
      .where('selfie_video', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async setSelfieVideo(processId: string, state: SelfieVideoState, now: number): Promise<void> {
    await this.db
      .updateTable('capture_flows')
      .set({ selfie_video: JSON.stringify(state), updated_at: now })
      .where('process_id', '=', processId)
      .execute();
  }

  /** Records how the end-user left; false when the flow had already ended (a second finish or cancel). */
  async end(processId: string, endedAs: 'processing' | 'canceled', now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('capture_flows')
      .set({ ended_as: endedAs, updated_at: now })
      .where('process_id', '=', processId)
      .where('ended_as', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
