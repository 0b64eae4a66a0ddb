import { beforeAll, describe, expect, it } from 'vitest';
import { parseMrz } from '../../src/engines/mrz/index.js';
import type { ApiClient } from '../support/api-client.js';
import { dataUrlOf, syntheticDocument } from '../support/live-documents.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import { cardFront, passportWithPrintedSurname } from '../support/tampered-documents.js';
import { useTestServer } from '../support/test-server.js';

// Signicat Paper on live clients reads the printed fields too and compares them with the MRZ. The seeds
// give documents of European issuers (BEL passport, CYP card), which Paper accepts.
const server = useTestServer('sqlite', { OPENASSURE_ENGINE_THREADS: '1' }, { worker: true });

async function verify(api: ApiClient, body: object, images: Record<string, string>) {
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  const created = await api.post(`/assure/dossiers/${dossierId}/processes`, body);
  expect(created.status, created.text()).toBe(201);
  const path = `/assure/dossiers/${dossierId}/processes/${created.json<{ processId: string }>().processId}`;
  expect((await api.post(`${path}/images`, images)).status).toBe(201);
  expect((await api.post(path, {})).status).toBe(200);
  return waitForFinal(api, path, 120_000);
}

describe('live Signicat Paper with the visual zone', { timeout: 180_000 }, () => {
  let live: ApiClient;
  beforeAll(async () => {
    live = (await server().newClient('live')).api;
  });

  it('accepts a good passport as MRZ_FEATURE_COMPARISON, with the printed fields and their matching', async () => {
    const passport = await syntheticDocument(5, 'TD3');
    const mrz = parseMrz(passport.lines).fields;
    const body = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: mrz.issuingState },
      { front: dataUrlOf(passport.image, 'image/png') },
    );
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific).toMatchObject({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: 'true' },
      features: {
        lastName: mrz.surname,
        firstName: mrz.givenNames,
        documentNumber: mrz.documentNumber,
        dateOfBirth: mrz.dateOfBirth,
        dateOfExpiry: mrz.dateOfExpiry,
      },
      mrzFeatureMatching: {
        lastName: 'FULL_MATCH',
        firstName: 'FULL_MATCH',
        documentNumber: 'FULL_MATCH',
        dateOfBirth: 'FULL_MATCH',
        dateOfExpiry: 'FULL_MATCH',
      },
    });
    expect(body.providerSpecific).not.toHaveProperty('errors');
  });

  it('rejects a passport whose printed surname is not the one in its MRZ', async () => {
    const forged = await passportWithPrintedSurname(5, 'KOWALSKA');
    const mrz = parseMrz(forged.lines).fields;
    const body = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: mrz.issuingState },
      { front: dataUrlOf(forged.image, 'image/png') },
    );
    expect(body.status).toBe('rejected');
    expect(body.providerSpecific).toMatchObject({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: 'false' },
      features: { lastName: 'KOWALSKA' },
      mrzFeatureMatching: { lastName: 'FOUND', firstName: 'FULL_MATCH' },
      errors: ['Invalid last_name: does NOT match the MRZ, value KOWALSKA'],
    });
    // The final result still comes from the MRZ, as upstream's rejected example has it.
    expect(body.finalResult).toMatchObject({ lastName: mrz.surname });
  });

  it("compares an identity card's printed front with the MRZ on its back", async () => {
    const back = await syntheticDocument(28, 'TD1');
    const mrz = parseMrz(back.lines).fields;
    const front = await cardFront(back, mrz);
    const body = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'identityCard', documentCountry: mrz.issuingState },
      { front: dataUrlOf(front, 'image/png'), back: dataUrlOf(back.image, 'image/png') },
    );
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific).toMatchObject({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: 'true' },
      features: { lastName: mrz.surname, documentNumber: mrz.documentNumber },
      mrzFeatureMatching: { lastName: 'FULL_MATCH', dateOfBirth: 'FULL_MATCH' },
    });
  });

  it('stays MRZ_ONLY for UNIV passports and for a card whose printed side was not given', async () => {
    const passport = await syntheticDocument(5, 'TD3');
    const univ = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' },
      { front: dataUrlOf(passport.image, 'image/png') },
    );
    expect(univ.status).toBe('accepted');
    expect(univ.providerSpecific).toMatchObject({ verification: { type: 'MRZ_ONLY', status: 'true' } });
    expect(univ.providerSpecific).not.toHaveProperty('features');

    const card = await syntheticDocument(28, 'TD1');
    const cardMrz = parseMrz(card.lines).fields;
    const back = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'identityCard', documentCountry: cardMrz.issuingState },
      { front: dataUrlOf(card.image, 'image/png') },
    );
    expect(back.status).toBe('accepted');
    expect(back.providerSpecific).toMatchObject({ verification: { type: 'MRZ_ONLY', status: 'true' } });
    expect(back.providerSpecific).not.toHaveProperty('mrzFeatureMatching');
  });
});
