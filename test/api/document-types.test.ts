import { describe, expect, it } from 'vitest';
import type { DocumentTypeEntry } from '../../src/document-types/index.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('document types on %s', (kind) => {
  const server = useTestServer(kind);

  async function documentTypes(provider: string): Promise<DocumentTypeEntry[]> {
    const response = await server().api.get(`/assure/${provider}/document-types`);
    expect(response.status).toBe(200);
    return response.json<DocumentTypeEntry[]>();
  }

  it.each(['onfido', 'signicatpaper', 'signicatpictureid', 'signicatvideoid', 'readid', 'webid'])(
    'lists the documents %s accepts, each with a unique stable id',
    async (provider) => {
      const list = await documentTypes(provider);
      expect(list.length).toBeGreaterThan(30);
      expect(new Set(list.map((d) => d.id)).size).toBe(list.length);
      for (const document of list) {
        expect(document).toMatchObject({ country: expect.stringMatching(/^[A-Z]{3}$/), subType: expect.any(String) });
      }
      expect(list).toContainEqual({
        country: 'PRT',
        countryName: 'Portugal',
        type: 'passport',
        id: 147,
        name: 'Passport (Portugal)',
        subType: 'Passport',
        icao: 'TD3',
      });
    },
  );

  it('gives a document the same id under every provider', async () => {
    const paper = await documentTypes('signicatpaper');
    const onfido = await documentTypes('onfido');
    const onfidoIds = new Map(onfido.map((d) => [`${d.country} ${d.type}`, d.id]));
    for (const document of paper) expect(onfidoIds.get(`${document.country} ${document.type}`)).toBe(document.id);
  });

  it('answers with the alias too, 204 for providers without documents and 404 for unknown ones', async () => {
    const { api } = server();
    expect((await documentTypes('paper')).length).toBe((await documentTypes('signicatpaper')).length);
    for (const provider of ['facetec', 'eid', 'connect:nbid']) {
      const response = await api.get(`/assure/${provider}/document-types`);
      expect(response.status).toBe(204);
      expect(response.body.length).toBe(0);
    }
    const unknown = await api.get('/assure/spaceship/document-types');
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ status: 404, type: 'base:client-problem' });
    expect((await server().anonymous.get('/assure/onfido/document-types')).status).toBe(401);
  });

  describe('create process', () => {
    async function create(body: Record<string, unknown>) {
      const { api } = server();
      const dossierId = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
      return api.post(`/assure/dossiers/${dossierId}/processes`, body);
    }

    it.each([
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD' },
      { provider: 'signicatpaper', documentType: 'identityCard', documentCountry: 'DE' },
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' },
      { provider: 'onfido', documentType: 'aadharCard' },
      // Not in the catalogue but in upstream's enum: left to the schema, not refused.
      { provider: 'onfido', documentType: 'visa' },
      { provider: 'signicatpictureid', documentId: 147 },
    ])('accepts a listed document: %o', async (body) => {
      expect((await create(body)).status).toBe(201);
    });

    it.each([
      [{ provider: 'signicatpaper', documentType: 'identityCard', documentCountry: 'DNK' }, 'documentCountry'],
      [{ provider: 'signicatpaper', documentType: 'passport', documentCountry: 'USA' }, 'documentCountry'],
      [{ provider: 'signicatpictureid', documentId: 99999 }, 'documentId'],
    ])('refuses a document the provider does not list: %o', async (body, field) => {
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.json<{ detail: string }>().detail).toContain(field);
      expect(response.json<{ detail: string }>().detail).toContain('document-types');
    });
  });
});
