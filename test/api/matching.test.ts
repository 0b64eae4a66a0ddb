import { describe, expect, it } from 'vitest';
import type { FieldMatchResult } from '../../src/matching/types.js';
import { providers } from '../../src/providers/registry.js';
import { driveScenario, type DrivenProcess } from '../support/sandbox-driver.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

interface MatchBody {
  dossierId: string;
  createdAt: string;
  source: { dataNode: string; processId?: string; updatedAt?: string };
  target: { dataNode: string; processId?: string; updatedAt?: string };
  matchResult: Record<string, FieldMatchResult>;
}

const configurations = '/assure/matching/configurations';

describe.each(storeKinds)('matching a dossier on %s', (kind) => {
  const server = useTestServer(kind, {}, { worker: true });

  const drive = (provider: string, scenarioId: string): Promise<DrivenProcess> => {
    const definition = providers.find((p) => p.name === provider)!;
    const scenario = definition.scenarios.find((s) => s.id === scenarioId)!;
    return driveScenario(
      server().api,
      definition,
      scenario,
      scenario.processTypes?.[0] ?? definition.defaultProcessType ?? null,
    );
  };
  const setUserData = async (dossierId: string, userData: Record<string, unknown>) => {
    expect((await server().api.post(`/assure/dossiers/${dossierId}/userdata`, { userData })).status).toBe(201);
  };
  const match = async (dossierId: string, body: Record<string, unknown>) => {
    const response = await server().api.post(`/assure/dossiers/${dossierId}/match`, body);
    expect(response.status, response.text()).toBe(200);
    return response.json<MatchBody>();
  };

  it("matches the user data against a process's finalResult with the default configuration", async () => {
    const { dossierId, processId } = await drive('onfido', 'onfido-accepted');
    await setUserData(dossierId, {
      firstName: 'Maria',
      lastName: 'Santos Mendes',
      gender: 'F',
      dateOfBirth: '2002-04-29',
    });
    const body = await match(dossierId, {
      source: { dataNode: 'userData' },
      target: { processId, dataNode: 'finalResult' },
    });
    expect(body.dossierId).toBe(dossierId);
    expect(body.source).toEqual({ dataNode: 'userData', updatedAt: expect.any(String) });
    expect(body.target).toEqual({ processId, dataNode: 'finalResult', updatedAt: expect.any(String) });
    expect(Object.keys(body.matchResult)).toEqual(['firstName', 'lastName', 'gender', 'dateOfBirth']);
    expect(body.matchResult.firstName).toEqual({
      sourceValue: 'Maria',
      targetValue: 'MARIA PAULA',
      sourceNormalized: 'MARIA',
      targetNormalized: 'MARIA PAULA',
      editDistance: 6,
      algorithm: 'fuzzy',
      normalization: 'cleanUpper',
      exactMatch: false,
      partialMatch: true,
    });
    expect(body.matchResult.lastName).toMatchObject({
      targetNormalized: 'SANTOS MENDES',
      exactMatch: true,
      editDistance: 0,
    });
    expect(body.matchResult.gender).toMatchObject({ sourceNormalized: 'F', targetNormalized: 'F', exactMatch: true });
    expect(body.matchResult.dateOfBirth).toMatchObject({
      sourceNormalized: '20020429',
      targetNormalized: '20020429',
      normalization: 'numeric',
      exactMatch: true,
    });
  });

  it("matches against an eid process's ocr with a configuration, reporting fields it cannot compare", async () => {
    const { api } = server();
    const { dossierId, processId } = await drive('eid', 'eid-accepted');
    await setUserData(dossierId, {
      firstName: 'María Paula',
      lastName: 'Santos',
      dateOfBirth: '2002-04-30',
      nationality: 'PRT',
    });
    const id = `ocr-${kind}`;
    await api.post(`${configurations}/${id}`, {
      fields: [
        { id: 'firstName', normalization: 'cleanUpper' },
        { id: 'lastName', normalization: 'upper', algorithm: 'fuzzy' },
        { id: 'dateOfBirth', normalization: 'numeric' },
        { id: 'nationality' },
        { id: 'documentNumber' },
        { id: 'placeOfBirth', targetField: 'birthPlace' },
      ],
    });
    const body = await match(dossierId, {
      source: { dataNode: 'userData' },
      target: { processId, dataNode: 'ocr' },
      configurationId: id,
    });
    expect(body.target).toMatchObject({ processId, dataNode: 'ocr' });
    const { firstName, lastName, dateOfBirth, nationality, documentNumber, placeOfBirth } = body.matchResult;
    expect(firstName).toMatchObject({ sourceNormalized: 'MARIA PAULA', exactMatch: true });
    expect(lastName).toMatchObject({ targetNormalized: 'SANTOS MENDES', exactMatch: false, partialMatch: true });
    expect(dateOfBirth).toMatchObject({
      targetNormalized: '20020429',
      editDistance: 2,
      exactMatch: false,
      partialMatch: false,
    });
    expect(nationality).toMatchObject({
      sourceValue: 'PRT',
      targetValue: 'PRT',
      exactMatch: true,
      normalization: 'none',
    });
    expect(documentNumber).toEqual({
      targetValue: '1234567890',
      targetNormalized: '1234567890',
      error: 'Field not present in source.',
      algorithm: 'levenshtein',
      normalization: 'none',
      exactMatch: false,
      partialMatch: false,
    });
    expect(placeOfBirth).toMatchObject({ error: 'Field not present in source/target.', exactMatch: false });
  });

  it("matches against a connect process's userInfo claims, a missing birthdate being that field's error", async () => {
    const { dossierId, processId } = await drive('connect', 'connect-accepted');
    await setUserData(dossierId, { firstName: 'VJ', lastName: 'de Vries', dateOfBirth: '1990-01-01' });
    const body = await match(dossierId, {
      source: { dataNode: 'userData' },
      target: { processId, dataNode: 'userInfo' },
    });
    expect(body.matchResult.firstName).toMatchObject({ targetValue: 'VJ', exactMatch: true });
    expect(body.matchResult.lastName).toMatchObject({ targetValue: 'Vries', exactMatch: false, partialMatch: true });
    expect(body.matchResult.gender).toMatchObject({ error: 'Field not present in source.', targetValue: '1' });
    expect(body.matchResult.dateOfBirth).toMatchObject({
      error: 'Field not present in target.',
      sourceValue: '1990-01-01',
    });

    // A claim whose name has dots is read by its whole name.
    const id = `claims-${kind}`;
    await server().api.post(`${configurations}/${id}`, {
      fields: [{ id: 'nationalId', sourceField: 'personalIdentificationNumber', targetField: 'signicat.national_id' }],
    });
    await server().api.put(`/assure/dossiers/${dossierId}/userdata`, {
      userData: { personalIdentificationNumber: 'FANTASYBANK1234567890' },
    });
    const claims = await match(dossierId, {
      source: { dataNode: 'userData' },
      target: { processId, dataNode: 'userInfo' },
      configurationId: id,
    });
    expect(claims.matchResult.nationalId).toMatchObject({ exactMatch: true, editDistance: 0 });
  });

  it('keeps the compared values out of the logs', async () => {
    const { api, logs } = server();
    const canary = 'Zelophehad-Canary-4417';
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    await setUserData(dossierId, { firstName: canary, lastName: canary });
    const body = await match(dossierId, { source: { dataNode: 'userData' }, target: { dataNode: 'userData' } });
    expect(body.matchResult.firstName).toMatchObject({ sourceValue: canary, exactMatch: true });
    expect(logs.join('\n')).not.toContain(canary);
  });

  it('answers 200 with an error on every field when a side has no data', async () => {
    const { api } = server();
    const connect = await drive('connect', 'connect-accepted');
    const noUserData = await match(connect.dossierId, {
      source: { dataNode: 'userData' },
      target: { processId: connect.processId, dataNode: 'ocr' },
    });
    expect(noUserData.source).toEqual({ dataNode: 'userData' });
    expect(noUserData.target).toEqual({ processId: connect.processId, dataNode: 'ocr' });
    for (const field of Object.values(noUserData.matchResult)) {
      expect(field.error).toBe(
        'Field not present in source: the dossier has no user data. Field not present in target: the process has no ocr data.',
      );
      expect(field).toMatchObject({ exactMatch: false, partialMatch: false });
      expect(field).not.toHaveProperty('editDistance');
    }

    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const pending = (await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido' })).json<{
      processId: string;
    }>();
    await setUserData(dossierId, { firstName: 'Maria' });
    const noResult = await match(dossierId, {
      source: { dataNode: 'userData' },
      target: { processId: pending.processId, dataNode: 'finalResult' },
    });
    expect(noResult.matchResult.firstName!.error).toBe(
      'Field not present in target: the process has no result (status pending).',
    );
    expect(noResult.matchResult.firstName!.sourceNormalized).toBe('MARIA');
  });

  it('answers 404 for an unknown dossier, process or configuration, and for what another client or dossier owns', async () => {
    const { api, other } = server();
    const first = await drive('onfido', 'onfido-accepted');
    const { dossierId: emptyDossier } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const request = (processId: string, extra: Record<string, unknown> = {}) => ({
      source: { dataNode: 'userData' },
      target: { processId, dataNode: 'finalResult' },
      ...extra,
    });
    const expect404 = async (client: typeof api, dossierId: string, body: unknown, detail: string) => {
      const response = await client.post(`/assure/dossiers/${dossierId}/match`, body);
      expect(response.status).toBe(404);
      expect(response.json<{ detail: string }>().detail).toBe(detail);
    };
    await expect404(api, 'no-such-dossier', request(first.processId), 'Dossier not found.');
    await expect404(api, first.dossierId, request('no-such-process'), 'Process not found.');
    // The process exists, but in another dossier.
    await expect404(api, emptyDossier, request(first.processId), 'Process not found.');
    await expect404(other, first.dossierId, request(first.processId), 'Dossier not found.');
    await expect404(
      api,
      first.dossierId,
      request(first.processId, { configurationId: 'NoSuchConfiguration' }),
      'Matching configuration not found.',
    );
    await other.post(`${configurations}/OtherClients`, { fields: [{ id: 'firstName' }] });
    await expect404(
      api,
      first.dossierId,
      request(first.processId, { configurationId: 'OtherClients' }),
      'Matching configuration not found.',
    );
  });

  it.each([
    [{ source: { dataNode: 'userData' } }, 'body.target is required'],
    [{ source: { dataNode: 'selfie' }, target: { dataNode: 'userData' } }, 'body.source.dataNode must be one of'],
    [{ source: { dataNode: 'userData' }, target: { dataNode: 'finalResult' } }, 'body.target.processId is required'],
    [{ source: {}, target: { dataNode: 'userData' } }, 'body.source.dataNode is required'],
    [
      { source: { dataNode: 'userData' }, target: { dataNode: 'userData' }, configurationId: '' },
      'body.configurationId',
    ],
  ])('refuses %j with a 400 naming the field', async (body, detail) => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const response = await api.post(`/assure/dossiers/${dossierId}/match`, body);
    expect(response.status).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain(detail);
  });
});
