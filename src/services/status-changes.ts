import { newId } from '../core/ids.js';
import { conflict } from '../core/errors.js';
import { assertTransition, isFinal, type ProcessStatus } from '../core/process-status.js';
import type { ProcessRecord, TransitionPatch } from '../store/repositories/processes.js';
import type { Repositories } from '../store/store.js';

/** Told of every status change, inside its transaction (e.g. to plan notifications). */
export interface StatusChangeListener {
  statusChanged(tx: Repositories, process: ProcessRecord, now: number): Promise<void>;
}

/**
 * The only way a process changes status: checks the status machine, compare-and-sets the row inside
 * the caller's transaction, records the change in the process's history and tells the listeners, all
 * in that same transaction. Returns the process as it is after the change.
 */
export class StatusChanges {
  constructor(private readonly listeners: readonly StatusChangeListener[] = []) {}

  async change(
    tx: Repositories,
    process: ProcessRecord,
    to: ProcessStatus,
    now: number,
    patch: TransitionPatch = {},
  ): Promise<ProcessRecord> {
    const from = process.status;
    assertTransition(from, to);
    const finishedAt = isFinal(to) ? now : undefined;
    const changed = await tx.processes.transition(process, from, to, now, { finishedAt, ...patch });
    if (!changed) throw conflict('The process changed status while this request was running; read it again.');
    const updated: ProcessRecord = {
      ...process,
      status: to,
      updatedAt: now,
      ...(finishedAt !== undefined && { finishedAt }),
      ...(patch.startedAt !== undefined && { startedAt: patch.startedAt }),
      ...(patch.failReason !== undefined && { failReason: patch.failReason }),
      ...(patch.externalId !== undefined && { externalId: patch.externalId }),
      ...(patch.sandboxScenario !== undefined && { sandboxScenario: patch.sandboxScenario }),
      ...(patch.outcome !== undefined && { outcome: patch.outcome }),
      ...(patch.rawResultKey !== undefined && { rawResultKey: patch.rawResultKey }),
      ...(patch.startInputKey !== undefined && { startInputKey: patch.startInputKey }),
    };
    await tx.processEvents.insert({
      id: newId(),
      processId: process.id,
      dossierId: process.dossierId,
      clientId: process.clientId,
      status: to,
      createdAt: now,
    });
    for (const listener of this.listeners) await listener.statusChanged(tx, updated, now);
    return updated;
  }
}
