import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../app.js';
import { loadConfig } from '../config/config.js';
import { createTestEnvironment, insertTestClient, type TestEnvironment } from '../../test/support/stores.js';
import { storeKinds } from '../../test/support/store-kinds.js';
import { isForeignKeyViolation } from './constraint-errors.js';
import type { Store } from './store.js';

describe.each(storeKinds)('foreign-key violations on %s', (kind) => {
  let env: TestEnvironment;
  let store: Store;
  beforeAll(async () => {
    env = await createTestEnvironment(kind);
    store = await openStore(loadConfig(env.env));
  });
  afterAll(async () => {
    await store?.close();
    await env?.cleanup();
  });

  const dossier = (clientId: string) => ({
    id: crypto.randomUUID(),
    clientId,
    externalReference: null,
    createdAt: 1,
    updatedAt: 1,
  });

  it('are recognised when a row names a client that does not exist', async () => {
    const error = await store.repos.dossiers.insert(dossier('no-such-client')).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isForeignKeyViolation(error)).toBe(true);
  });

  it('are told apart from other failures', async () => {
    await insertTestClient(store, 'fk-client');
    const row = dossier('fk-client');
    await store.repos.dossiers.insert(row);
    const duplicate = await store.repos.dossiers.insert(row).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(duplicate).toBeDefined();
    expect(isForeignKeyViolation(duplicate)).toBe(false);
    expect(isForeignKeyViolation(new Error('x'))).toBe(false);
    expect(isForeignKeyViolation(undefined)).toBe(false);
  });
});
