import { describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const configurations = '/assure/matching/configurations';

describe.each(storeKinds)('matching configurations on %s', (kind) => {
  const server = useTestServer(kind);
  let counter = 0;
  const newId = () => `Configuration${++counter}`;

  it('is created once (201, defaults written out), read, listed, replaced and deleted', async () => {
    const { api, clock } = server();
    const id = newId();
    const path = `${configurations}/${id}`;
    expect((await api.get(path)).status).toBe(404);
    const created = await api.post(path, {
      fields: [
        { id: 'firstName', normalization: 'cleanUpper', algorithm: 'fuzzy' },
        { id: 'birth', sourceField: 'dateOfBirth', targetField: 'birthdate', normalization: 'numeric' },
      ],
    });
    expect(created.status).toBe(201);
    const body = created.json<{ id: string; configuration: unknown; createdAt: string; updatedAt: string }>();
    expect(body).toMatchObject({
      id,
      configuration: {
        fields: [
          {
            id: 'firstName',
            sourceField: 'firstName',
            targetField: 'firstName',
            normalization: 'cleanUpper',
            algorithm: 'fuzzy',
          },
          {
            id: 'birth',
            sourceField: 'dateOfBirth',
            targetField: 'birthdate',
            normalization: 'numeric',
            algorithm: 'levenshtein',
          },
        ],
      },
    });
    expect((await api.get(path)).json()).toEqual(body);
    const listed = (await api.get(configurations)).json<{ id: string }[]>();
    expect(listed.find((c) => c.id === id)).toEqual(body);

    const again = await api.post(path, { fields: [{ id: 'lastName' }] });
    expect(again.status).toBe(409);
    expect(again.json<{ detail: string }>().detail).toContain(id);
    expect((await api.get(path)).json()).toEqual(body);

    clock.advance(5000);
    const replaced = await api.put(path, { fields: [{ id: 'lastName', normalization: 'upper' }] });
    expect(replaced.status).toBe(200);
    const after = replaced.json<{ configuration: { fields: unknown[] }; createdAt: string; updatedAt: string }>();
    expect(after.configuration.fields).toEqual([
      {
        id: 'lastName',
        sourceField: 'lastName',
        targetField: 'lastName',
        normalization: 'upper',
        algorithm: 'levenshtein',
      },
    ]);
    expect(after.createdAt).toBe(body.createdAt);
    expect(after.updatedAt > body.updatedAt).toBe(true);

    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get(path)).status).toBe(404);
    expect((await api.delete(path)).status).toBe(404);
    expect((await api.put(path, { fields: [{ id: 'x' }] })).status).toBe(404);
  });

  it.each([
    [{}, 'body.fields is required'],
    [{ fields: [] }, 'body.fields must NOT have fewer than 1 items'],
    [{ fields: [{}] }, 'body.fields.0.id is required'],
    [{ fields: [{ id: '' }] }, 'body.fields.0.id'],
    [{ fields: [{ id: 'x'.repeat(101) }] }, 'body.fields.0.id'],
    [{ fields: [{ id: 'a', sourceField: '' }] }, 'body.fields.0.sourceField'],
    [{ fields: [{ id: 'a', targetField: 7 }] }, 'body.fields.0.targetField must be string'],
    [{ fields: [{ id: 'a', normalization: 'lower' }] }, 'body.fields.0.normalization must be one of'],
    [{ fields: [{ id: 'a', algorithm: 'soundex' }] }, 'body.fields.0.algorithm must be one of'],
    [{ fields: [{ id: 'a' }, { id: 'a' }] }, 'body.fields.1.id "a" is used by an earlier field'],
  ])('refuses %j with a 400 naming the field, and stores nothing', async (body, detail) => {
    const { api } = server();
    const path = `${configurations}/${newId()}`;
    const response = await api.post(path, body);
    expect(response.status).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain(detail);
    expect((await api.get(path)).status).toBe(404);
  });

  it('refuses an id longer than 100 characters or with spaces, and checks a replacement too', async () => {
    const { api } = server();
    const long = await api.post(`${configurations}/${'c'.repeat(101)}`, { fields: [{ id: 'a' }] });
    expect(long.status).toBe(400);
    expect(long.json<{ detail: string }>().detail).toContain('configurationId');
    expect((await api.post(`${configurations}/${'c'.repeat(100)}`, { fields: [{ id: 'a' }] })).status).toBe(201);
    expect((await api.post(`${configurations}/two%20words`, { fields: [{ id: 'a' }] })).status).toBe(400);
    const path = `${configurations}/${newId()}`;
    await api.post(path, { fields: [{ id: 'a' }] });
    const bad = await api.put(path, { fields: [{ id: 'a', normalization: 'LOWER' }] });
    expect(bad.status).toBe(400);
    expect((await api.get(path)).json<{ configuration: { fields: { id: string }[] } }>().configuration.fields).toEqual([
      { id: 'a', sourceField: 'a', targetField: 'a', normalization: 'none', algorithm: 'levenshtein' },
    ]);
  });

  it("keeps each client's configurations to itself, even under the same id", async () => {
    const { api, other } = server();
    const id = newId();
    const path = `${configurations}/${id}`;
    await api.post(path, { fields: [{ id: 'firstName' }] });
    expect((await other.get(path)).status).toBe(404);
    expect((await other.put(path, { fields: [{ id: 'lastName' }] })).status).toBe(404);
    expect((await other.delete(path)).status).toBe(404);
    expect((await other.get(configurations)).json<{ id: string }[]>().map((c) => c.id)).not.toContain(id);
    expect((await other.post(path, { fields: [{ id: 'gender' }] })).status).toBe(201);
    const mine = (await api.get(path)).json<{ configuration: { fields: { id: string }[] } }>();
    expect(mine.configuration.fields.map((f) => f.id)).toEqual(['firstName']);
  });

  it('is in the OpenAPI document with every response', async () => {
    const { api } = server();
    const document = (await api.get('/assure/openapi.json')).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops));
    const ids = operations.map((op) => (op as { operationId?: string }).operationId);
    for (const id of ['getAllConfigurations', 'getConfiguration', 'setConfiguration', 'updateConfiguration']) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain('deleteConfiguration');
    expect(ids).toContain('match');
    const item = document.paths['/assure/matching/configurations/{configurationId}']!;
    expect(Object.keys(item.post!.responses).sort()).toEqual(['201', '400', '401', '409']);
    expect(Object.keys(item.put!.responses).sort()).toEqual(['200', '400', '401', '404']);
    expect(Object.keys(document.paths['/assure/dossiers/{dossierId}/match']!.post!.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '404',
    ]);
  });
});
