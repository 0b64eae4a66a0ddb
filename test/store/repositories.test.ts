import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { ProcessStatus } from '../../src/core/process-status.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Store } from '../../src/store/store.js';
import { databaseKinds } from '../support/store-kinds.js';
import { createTestEnvironment, insertTestClient, type TestEnvironment } from '../support/stores.js';
import type { MediaDepiction, ProcessRecord } from '../../src/core/domain.js';

// One contract suite for the repositories, run against every store adapter.
describe.each(databaseKinds)('repositories on %s', (kind) => {
  let env: TestEnvironment;
  let store: Store;
  const clientId = 'client-a';

  beforeAll(async () => {
    env = await createTestEnvironment(kind);
    store = await openStore(loadConfig(env.env));
    await insertTestClient(store, clientId);
  });
  afterAll(async () => {
    await store.close();
    await env.cleanup();
  });

  let counter = 0;
  async function newDossier(): Promise<string> {
    const id = `dossier-${++counter}`;
    await store.repos.dossiers.insert({ id, clientId, externalReference: null, createdAt: 1, updatedAt: 1 });
    return id;
  }

  function newProcess(dossierId: string, createdAt: number): ProcessRecord {
    return {
      id: `process-${++counter}`,
      dossierId,
      clientId,
      provider: 'onfido',
      processType: 'document',
      status: 'pending',
      documentType: null,
      documentCountry: null,
      documentId: null,
      options: { eventTags: ['t'] },
      notificationUrl: null,
      notificationAuthSealed: null,
      externalId: null,
      failReason: null,
      createdAt,
      updatedAt: createdAt,
      startedAt: null,
      finishedAt: null,
      sandboxScenario: null,
      outcome: null,
      rawResultKey: null,
      startInputKey: null,
      firstImageAt: null,
      engineOutputKey: null,
    };
  }

  async function countsMatchRows(): Promise<void> {
    const actual = await sql<{ bucket: number; status: string; n: number }>`
      select created_at / 3600000 as bucket, status, count(*) as n from processes where client_id = ${clientId}
      group by created_at / 3600000, status`.execute(store.db);
    const kept = await store.db
      .selectFrom('process_counts')
      .select(['bucket', 'status', 'count'])
      .where('client_id', '=', clientId)
      .where('count', '!=', 0)
      .execute();
    const key = (bucket: number, status: string) => `${Number(bucket)}/${status}`;
    expect(new Map(kept.map((r) => [key(r.bucket, r.status), Number(r.count)]))).toEqual(
      new Map(actual.rows.map((r) => [key(r.bucket, r.status), Number(r.n)])),
    );
  }

  it('keeps the per-hour counts equal to the rows through inserts, transitions and deletes', async () => {
    const dossiers = [await newDossier(), await newDossier(), await newDossier()];
    const processes: ProcessRecord[] = [];
    for (let i = 0; i < 30; i++) {
      const process = newProcess(dossiers[i % 3]!, 1_700_000_000_000 + i * 1_234_567);
      await store.transaction((tx) => tx.processes.insert(process));
      processes.push(process);
    }
    await countsMatchRows();
    const moves: [number, ProcessStatus, ProcessStatus][] = [[0, 'pending', 'processing'], [0, 'processing', 'accepted'], [1, 'pending', 'failed'], [2, 'pending', 'processing']]; // prettier-ignore
    for (const [index, from, to] of moves) {
      expect(await store.transaction((tx) => tx.processes.transition(processes[index]!, from, to, 5))).toBe(true);
      processes[index] = { ...processes[index]!, status: to };
    }
    await countsMatchRows();
    await store.transaction((tx) => tx.processes.delete(processes[5]!));
    await store.transaction((tx) => tx.processes.deleteByDossier(clientId, dossiers[1]!));
    await countsMatchRows();
    await store.transaction((tx) => tx.processes.deleteAllOfClient(clientId));
    await countsMatchRows();
  });

  it('changes a status only from the expected one (compare-and-set)', async () => {
    const process = newProcess(await newDossier(), Date.now());
    await store.transaction((tx) => tx.processes.insert(process));
    expect(await store.transaction((tx) => tx.processes.transition(process, 'pending', 'processing', 1))).toBe(true);
    expect(await store.transaction((tx) => tx.processes.transition(process, 'pending', 'failed', 2))).toBe(false);
    const stored = await store.repos.processes.find(clientId, process.dossierId, process.id);
    expect(stored?.status).toBe('processing');
    expect(stored?.options).toEqual({ eventTags: ['t'] });
    await countsMatchRows();
  });

  it('rolls a transaction back entirely, counts included', async () => {
    const process = newProcess(await newDossier(), Date.now());
    await expect(
      store.transaction(async (tx) => {
        await tx.processes.insert(process);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.repos.processes.find(clientId, process.dossierId, process.id)).toBeUndefined();
    await countsMatchRows();
  });

  it('replaces images by depiction and hands back the replaced blob keys', async () => {
    const owner = { kind: 'dossier' as const, id: await newDossier(), clientId };
    const image = (depiction: MediaDepiction, blobKey: string) => ({
      depiction,
      blobKey,
      contentType: 'image/png',
      size: 1,
      createdAt: 1,
    });
    expect(
      await store.repos.images.put(owner, [image('front', 'a'.repeat(32)), image('back', 'b'.repeat(32))]),
    ).toEqual([]);
    expect(await store.repos.images.put(owner, [image('front', 'c'.repeat(32))])).toEqual(['a'.repeat(32)]);
    expect((await store.repos.images.list(owner)).map((i) => [i.depiction, i.blobKey])).toEqual([
      ['back', 'b'.repeat(32)],
      ['front', 'c'.repeat(32)],
    ]);
    expect(await store.repos.images.list({ ...owner, clientId: 'client-b' })).toEqual([]);
  });

  it('runs migrations again without changes', async () => {
    expect(await migrateToLatest(store.db)).toEqual([]);
  });
});
