import { expect } from 'vitest';
import { completed, passportOcr } from '../../src/providers/signicatvideoid/scenario-data.js';
import type { OcrAnalysis } from '../../src/providers/signicatvideoid/raw.js';
import type { BackendInput, BackendResult, VerificationBackend } from '../../src/verification/backend.js';
import type { ApiClient } from './api-client.js';
import type { TestServer } from './test-server.js';

/**
 * What the live engines would have read from a VideoID recording, standing in for them where a test is
 * about the review queue rather than about reading documents (test/api/review-live.test.ts runs the real
 * engines): the OCR of upstream's example passport, or what `ocrFor` sets for a process. Processes of
 * other providers hang until `release()`, as a verification that never ends would.
 */
export class RecordedRecordings implements VerificationBackend {
  readonly ocrFor = new Map<string, Partial<OcrAnalysis>>();
  private release: () => void = () => {};
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));

  async produce({ process }: BackendInput): Promise<BackendResult> {
    if (process.provider !== 'signicatvideoid' && process.provider !== 'eid') {
      await this.released;
      return { outcome: { status: 'failed', failReason: { type: 'Released', message: 'released' } } };
    }
    const ocr = passportOcr(this.ocrFor.get(process.id) ?? {});
    return { raw: completed(ocr), engineOutput: { recorded: true } };
  }

  releaseAll(): void {
    this.release();
  }
}

export interface StartedCase {
  processId: string;
  dossierId: string;
  path: string;
}

/** Creates a live process and starts its verification; the process is then processing. */
export async function startCase(api: ApiClient, body: Record<string, unknown>): Promise<StartedCase> {
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  const created = await api.post(`/assure/dossiers/${dossierId}/processes`, body);
  expect(created.status, created.text()).toBe(201);
  const { processId } = created.json<{ processId: string }>();
  const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
  const started = await api.post(path, {});
  expect(started.status, started.text()).toBe(200);
  return { processId, dossierId, path };
}

/** Waits until the verification job has put the process in the review queue. */
export async function waitUntilQueued(server: TestServer, processId: string): Promise<void> {
  await expect
    .poll(async () => (await server.app.store.repos.reviews.find(processId))?.state, { timeout: 30_000, interval: 50 })
    .toBe('queued');
}
