import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../app.js';
import { loadConfig } from '../config/config.js';
import type { ProcessRecord, StatusChangeListener, TransitionPatch } from '../core/domain.js';
import { newId } from '../core/ids.js';
import { InvalidTransitionError } from '../core/process-status.js';
import type { Repositories, Store } from '../store/store.js';
import { storeKinds } from '../../test/support/store-kinds.js';
import { createTestEnvironment, insertTestClient, type TestEnvironment } from '../../test/support/stores.js';
import { StoreStatusChanges } from './status-changes.js';

/** Remembers what each listener call saw, and whether it ran inside the change's transaction. */
class RecordingListener implements StatusChangeListener<Repositories> {
  readonly seen: { process: ProcessRecord; inTransaction: boolean }[] = [];
  constructor(private readonly store: () => Store) {}
  async statusChanged(tx: Repositories, process: ProcessRecord): Promise<void> {
    this.seen.push({ process, inTransaction: tx !== this.store().repos });
  }
}

describe.each(storeKinds)('status changes on %s', (kind) => {
  let env: TestEnvironment;
  let store: Store;
  const clientId = 'client-status';
  const listener = new RecordingListener(() => store);
  const statusChanges = new StoreStatusChanges([listener]);

  beforeAll(async () => {
    env = await createTestEnvironment(kind);
    store = await openStore(loadConfig(env.env));
    await insertTestClient(store, clientId);
  });
  afterAll(async () => {
    await store.close();
    await env.cleanup();
  });

  async function pendingProcess(): Promise<ProcessRecord> {
    const dossierId = newId();
    await store.repos.dossiers.insert({ id: dossierId, clientId, externalReference: null, createdAt: 1, updatedAt: 1 });
    const process: ProcessRecord = {
      id: newId(),
      dossierId,
      clientId,
      provider: 'example',
      processType: null,
      status: 'pending',
      documentType: null,
      documentCountry: null,
      documentId: null,
      options: {},
      notificationUrl: null,
      notificationAuthSealed: null,
      externalId: 'before',
      failReason: null,
      createdAt: 1_000,
      updatedAt: 1_000,
      startedAt: null,
      finishedAt: null,
      sandboxScenario: 'scenario-before',
      outcome: null,
      rawResultKey: null,
      startInputKey: null,
      firstImageAt: null,
      engineOutputKey: null,
    };
    await store.transaction((tx) => tx.processes.insert(process));
    return process;
  }

  it('sets every field of the patch, in the record it returns and in the store', async () => {
    const process = await pendingProcess();
    // Required: a field added to TransitionPatch does not compile here until the test covers it.
    const patch: Required<TransitionPatch> = {
      failReason: { type: 'Example', message: 'why' },
      startedAt: 2_000,
      finishedAt: 2_500,
      externalId: 'after',
      sandboxScenario: 'scenario-after',
      outcome: { providerSpecific: { a: 1 }, finalResult: { firstName: 'Anna' } },
      rawResultKey: 'raw-key',
      startInputKey: 'start-key',
      engineOutputKey: 'engine-key',
    };
    const changed = await store.transaction((tx) => statusChanges.change(tx, process, 'processing', 3_000, patch));
    expect(changed).toEqual({ ...process, ...patch, status: 'processing', updatedAt: 3_000 });
    expect(await store.repos.processes.findById(process.id)).toEqual(changed);
    expect((await store.repos.processEvents.listByProcess(process.id)).map((event) => event.status)).toEqual([
      'processing',
    ]);
    expect(listener.seen.at(-1)).toEqual({ process: changed, inTransaction: true });
  });

  it('keeps the fields a patch leaves out or undefined, and stamps finishedAt on a final status', async () => {
    const process = await pendingProcess();
    const changed = await store.transaction((tx) =>
      statusChanges.change(tx, process, 'failed', 4_000, { externalId: undefined, failReason: { detail: 'x' } }),
    );
    expect(changed).toMatchObject({
      status: 'failed',
      externalId: 'before',
      sandboxScenario: 'scenario-before',
      failReason: { detail: 'x' },
      finishedAt: 4_000,
    });
    expect(await store.repos.processes.findById(process.id)).toEqual(changed);
  });

  it('lets only one of two changes from the same status win, and refuses transitions the machine forbids', async () => {
    const process = await pendingProcess();
    await store.transaction((tx) => statusChanges.change(tx, process, 'processing', 5_000));
    // `process` still says pending: the compare-and-set finds the row changed.
    await expect(store.transaction((tx) => statusChanges.change(tx, process, 'failed', 5_001))).rejects.toMatchObject({
      code: 'conflict',
    });
    const current = (await store.repos.processes.findById(process.id))!;
    await expect(store.transaction((tx) => statusChanges.change(tx, current, 'pending', 5_002))).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
    expect((await store.repos.processes.findById(process.id))!.status).toBe('processing');
  });
});
