import { conflict } from '../core/errors.js';
import { newId } from '../core/ids.js';
import {
  transitionPatchFields,
  type ProcessRecord,
  type StatusChangeListener,
  type StatusChanges,
  type TransitionPatch,
} from '../core/domain.js';
import { assertTransition, isFinal, type ProcessStatus } from '../core/process-status.js';
import type { Repositories } from '../store/store.js';

/**
 * The only way a process changes status: checks the status machine, compare-and-sets the row inside
 * the caller's transaction, records the change in the process's history and tells the listeners, all
 * in that same transaction. Returns the process as it is after the change.
 */
export class StoreStatusChanges implements StatusChanges<Repositories> {
  constructor(private readonly listeners: readonly StatusChangeListener<Repositories>[] = []) {}

  async change(
    tx: Repositories,
    process: ProcessRecord,
    to: ProcessStatus,
    now: number,
    patch: TransitionPatch = {},
  ): Promise<ProcessRecord> {
    const from = process.status;
    assertTransition(from, to);
    const fullPatch: TransitionPatch = { ...(isFinal(to) && { finishedAt: now }), ...patch };
    const changed = await tx.processes.transition(process, from, to, now, fullPatch);
    if (!changed) throw conflict('The process changed status while this request was running; read it again.');
    const updated: ProcessRecord = { ...process, status: to, updatedAt: now };
    for (const field of transitionPatchFields) copyField(updated, fullPatch, field);
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

/** Sets the record's field to the patch's value, when the patch has one. */
function copyField<Field extends keyof TransitionPatch>(
  record: ProcessRecord,
  patch: TransitionPatch,
  field: Field,
): void {
  const value = patch[field];
  if (value !== undefined) record[field] = value;
}
