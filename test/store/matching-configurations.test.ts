import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { FieldConfiguration } from '../../src/matching/types.js';
import type { Store } from '../../src/store/store.js';
import { databaseKinds } from '../support/store-kinds.js';
import { createTestEnvironment, insertTestClient, type TestEnvironment } from '../support/stores.js';

const fields: FieldConfiguration[] = [
  { id: 'firstName', sourceField: 'firstName', targetField: 'given_name', normalization: 'upper', algorithm: 'fuzzy' },
];

// The matching-configuration repository's contract, on every store adapter.
describe.each(databaseKinds)('matching configurations repository on %s', (kind) => {
  let env: TestEnvironment;
  let store: Store;

  beforeAll(async () => {
    env = await createTestEnvironment(kind);
    store = await openStore(loadConfig(env.env));
    for (const id of ['client-a', 'client-b']) await insertTestClient(store, id);
  });
  afterAll(async () => {
    await store.close();
    await env.cleanup();
  });

  const record = (clientId: string, id: string) => ({ clientId, id, fields, createdAt: 10, updatedAt: 10 });

  it('inserts an id once per client, and the same id for another client', async () => {
    const repo = store.repos.matchingConfigurations;
    expect(await repo.insertIfAbsent(record('client-a', 'C1'))).toBe(true);
    expect(await repo.insertIfAbsent({ ...record('client-a', 'C1'), fields: [] })).toBe(false);
    expect(await repo.insertIfAbsent(record('client-b', 'C1'))).toBe(true);
    expect(await repo.find('client-a', 'C1')).toEqual(record('client-a', 'C1'));
  });

  it('updates, lists by id and deletes within one client only', async () => {
    const repo = store.repos.matchingConfigurations;
    await repo.insertIfAbsent(record('client-a', 'A0'));
    const changed = [{ ...fields[0]!, normalization: 'none' as const }];
    expect(await repo.update('client-a', 'A0', changed, 20)).toBe(true);
    expect(await repo.update('client-a', 'missing', changed, 20)).toBe(false);
    expect(await repo.find('client-a', 'A0')).toMatchObject({ fields: changed, createdAt: 10, updatedAt: 20 });
    expect((await repo.list('client-a')).map((c) => c.id)).toEqual(['A0', 'C1']);
    expect(await repo.delete('client-b', 'A0')).toBe(false);
    expect(await repo.delete('client-a', 'A0')).toBe(true);
    expect(await repo.find('client-a', 'A0')).toBeUndefined();
  });

  it('goes with its client', async () => {
    await store.repos.clients.delete('client-b');
    expect(await store.repos.matchingConfigurations.list('client-b')).toEqual([]);
  });
});
