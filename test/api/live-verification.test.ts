import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMrz } from '../../src/engines/mrz/index.js';
import type { ApiClient } from '../support/api-client.js';
import { corpusAvailable, facePhotos } from '../support/corpus.js';
import { dataUrlOf, syntheticDocument, withPortrait } from '../support/live-documents.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import { useTestServer } from '../support/test-server.js';

// Live clients get real results from the built-in engines. One store is enough here: the store side of
// verification is covered on both by the sandbox suites; these runs are about what the engines decide.
const server = useTestServer('sqlite', { OPENASSURE_ENGINE_THREADS: '1' }, { worker: true });

async function verify(api: ApiClient, body: object, images: Record<string, string>, start: object = {}) {
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  const created = await api.post(`/assure/dossiers/${dossierId}/processes`, body);
  expect(created.status, created.text()).toBe(201);
  const path = `/assure/dossiers/${dossierId}/processes/${created.json<{ processId: string }>().processId}`;
  expect((await api.post(`${path}/images`, images)).status).toBe(201);
  expect((await api.post(path, start)).status).toBe(200);
  return { path, body: await waitForFinal(api, path, 120_000) };
}

describe('live verification with the built-in engines', () => {
  let live: ApiClient;
  beforeAll(async () => {
    live = (await server().newClient('live')).api;
  });

  it('accepts a valid passport through Signicat Paper, with the MRZ data as final result', async () => {
    const passport = await syntheticDocument(3, 'TD3');
    const expected = parseMrz(passport.lines).fields;
    const { body } = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' },
      { front: dataUrlOf(passport.image, 'image/png') },
    );
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific).toMatchObject({
      verification: { type: 'MRZ_ONLY', status: 'true' },
      mrzChecksum: { documentNumber: 'VALID', dateOfBirth: 'VALID', dateOfExpiry: 'VALID' },
    });
    expect(body.finalResult).toMatchObject({
      documentNumber: expected.documentNumber,
      dateOfBirth: expected.dateOfBirth,
      dateOfExpiry: expected.dateOfExpiry,
      documentType: 'passport',
    });
  });

  it('rejects an expired document through Signicat Paper, saying which field', async () => {
    const old = await syntheticDocument(5, 'TD3', new Date(Date.UTC(2008, 0, 1)));
    const { body } = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' },
      { front: dataUrlOf(old.image, 'image/png') },
    );
    expect(body.status).toBe('rejected');
    expect(JSON.stringify((body.providerSpecific as { errors: string[] }).errors)).toMatch(
      /date_of_expiry: NOT in the future/,
    );
  });

  it('fails a Signicat Paper process whose images carry no machine-readable zone', async () => {
    const blank = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#d8dde3' } })
      .jpeg()
      .toBuffer();
    const { body } = await verify(
      live,
      { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' },
      { front: dataUrlOf(blank) },
    );
    expect(body).toMatchObject({ status: 'failed', failReason: { type: 'DocumentNotRead' } });
  });

  it('accepts a valid identity card through Onfido (document), and keeps what the engines measured', async () => {
    const card = await syntheticDocument(11, 'TD1');
    const { path, body } = await verify(
      live,
      { provider: 'onfido', processType: 'document', documentType: 'identityCard' },
      { front: dataUrlOf(card.image, 'image/png') },
    );
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific).toMatchObject({
      documentVerification: {
        result: 'clear',
        dataValidation: 'clear',
        imageIntegrity: 'clear',
        ageValidation: 'clear',
      },
    });
    const zip = await live.get(`${path}/download`);
    expect(zip.body.includes(Buffer.from('engine.json'))).toBe(true);
  });

  describe.skipIf(!corpusAvailable())('with real faces', () => {
    it('accepts a PictureID documentSelfie when the selfie is the portrait, rejects it for someone else', async () => {
      const card = await syntheticDocument(11, 'TD1');
      const [first, second] = facePhotos('barack_obama');
      const [stranger] = facePhotos('human_lexi');
      const front = await withPortrait(card, first!);
      const same = await verify(
        live,
        { provider: 'signicatpictureid', processType: 'documentSelfie' },
        { front: dataUrlOf(front), selfie: dataUrlOf(await sharp(first!).flop().jpeg().toBuffer()) },
      );
      expect(same.body.status).toBe('accepted');
      expect(
        (same.body.providerSpecific as { document: { securityChecks: object } }).document.securityChecks,
      ).toMatchObject({
        selfieAndDocumentMatch: { similarityLevel: 'high' },
        dataIntegrity: { passed: true },
      });
      const other = await verify(
        live,
        { provider: 'signicatpictureid', processType: 'documentSelfie' },
        { front: dataUrlOf(front), selfie: dataUrlOf(stranger!) },
      );
      expect(other.body.status).toBe('rejected');
      expect(other.body.statusReasons).toEqual([expect.objectContaining({ category: 'SimilarityLevel' })]);
      void second;
    });

    it('refuses a replayed FaceTec face scan', async () => {
      const [photo] = facePhotos('barack_obama');
      const enrollment = { faceScan: 'scan-of-one-session', auditTrailImage: photo!.toString('base64') };
      const start = { facetecEnrollment: enrollment, imageDepiction: 'selfie' };
      const first = await verify(live, { provider: 'facetec' }, { selfie: dataUrlOf(photo!) }, start);
      const checks = (first.body.providerSpecific as { liveness: { faceScanSecurityChecks: Record<string, boolean> } })
        .liveness.faceScanSecurityChecks;
      expect(checks).toMatchObject({ auditTrailVerificationCheckSucceeded: true, replayCheckSucceeded: true });
      const again = await verify(live, { provider: 'facetec' }, { selfie: dataUrlOf(photo!) }, start);
      expect(again.body.status).toBe('rejected');
      expect(again.body.providerSpecific).toMatchObject({
        liveness: { faceScanSecurityChecks: { replayCheckSucceeded: false } },
      });
    });
  });
});
