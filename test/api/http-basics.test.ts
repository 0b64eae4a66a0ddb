import { describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { startTestServer, useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('HTTP basics on %s', (kind) => {
  const server = useTestServer(kind);

  it('answers unknown routes with the upstream 404 body', async () => {
    const response = await server().api.get('/assure/nothing-here?x=1');
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({
      status: 404,
      instance: '/assure/nothing-here',
      method: 'GET',
      detail: 'There is no GET /assure/nothing-here endpoint.',
    });
  });

  it('answers malformed JSON with a 400 in the upstream shape', async () => {
    const response = await server().api.request('POST', '/assure/dossiers', {
      rawBody: '{"externalReference": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      status: 400,
      type: 'base:client-problem',
      detail: 'The request body is not valid JSON.',
    });
  });

  it('refuses prototype pollution in JSON bodies', async () => {
    const response = await server().api.request('POST', '/assure/dossiers', {
      rawBody: '{"externalReference":"x","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
  });

  it('answers 413 for bodies over 1 MiB on ordinary routes', async () => {
    const response = await server().api.post('/assure/dossiers', { externalReference: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('answers 415 for bodies that are not JSON', async () => {
    const response = await server().api.request('POST', '/assure/dossiers', {
      rawBody: 'a=b',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
  });

  it('puts the trace id in a header and in the log line of the request', async () => {
    const response = await server().api.get('/assure/dossiers');
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server().logs.some((line) => line.includes(traceId!))).toBe(true);
  });

  it('serves the generated OpenAPI 3.1 document and an interactive reference', async () => {
    const { anonymous } = server();
    const document = (await anonymous.get('/assure/openapi.json')).json<{
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>();
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    for (const id of ['createDossier', 'getDossier', 'getDossiers', 'deleteDossier', 'deleteAllDossiers', 'getUserData',
      'setUserData', 'updateUserData', 'deleteUserData', 'getFile', 'setFiles', 'deleteFiles', 'createProcess', 'getProcess',
      'startVerification', 'deleteProcess', 'getImages', 'setImages', 'setFailedProcess', 'getExternalId', 'getAllProcess']) {
      expect(operations).toContain(id);
    } // prettier-ignore
    expect(JSON.stringify(document.paths['/assure/dossiers/{dossierId}/userdata'])).toContain('maxLength":64');
    const page = await anonymous.get('/assure/docs');
    expect(page.status).toBe(200);
    expect(page.text()).toMatch(/swagger/i);
  });

  it('keeps personal data and secrets out of the logs', async () => {
    const { api, logs } = server();
    const canary = 'Zelophehad-Canary-7731';
    const { dossierId } = (await api.post('/assure/dossiers', { externalReference: 'ref' })).json<{
      dossierId: string;
    }>();
    await api.post(`/assure/dossiers/${dossierId}/userdata`, {
      userData: { firstName: canary, dateOfBirth: '1901-02-03' },
    });
    await api.post(`/assure/dossiers/${dossierId}/userdata`, { userData: { lastName: canary, gender: canary } });
    await api.get(`/assure/dossiers/${dossierId}/userdata`);
    const all = logs.join('\n');
    expect(all).not.toContain(canary);
    expect(all).not.toContain('1901-02-03');
    expect(all).not.toMatch(/Bearer ey/);
  });
});

describe.each(storeKinds)('unexpected failures on %s', (kind) => {
  it('answer 500 with a trace id that is in the log, and nothing about the cause', async () => {
    const server = await startTestServer(kind);
    try {
      await server.app.store.close(); // the database goes away under the server
      const response = await server.api.get('/assure/dossiers');
      expect(response.status).toBe(500);
      const body = response.json<{ detail: string; traceId: string; type: string }>();
      expect(body.type).toBe('base:server-problem');
      expect(body.detail).toBe(`Something went wrong on our side. Quote traceId ${body.traceId} when reporting it.`);
      expect(response.text()).not.toMatch(/destroy|kysely|sqlite|postgres|stack|at /i);
      const logLine = server.logs.find((line) => line.includes(body.traceId) && line.includes('"level":50'));
      expect(logLine).toBeDefined();
    } finally {
      await server.app.http.close();
      await server.env.cleanup();
    }
  });
});
