import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCountry } from '../../src/core/countries.js';
import { parseMrz } from '../../src/engines/mrz/index.js';
import type { ApiClient } from '../support/api-client.js';
import { csca, dg1, dg2, documentSigner, makeKey, sod, type Party } from '../support/chip-pki.js';
import { corpusAvailable, facePhotos } from '../support/corpus.js';
import { dataUrlOf, syntheticDocument } from '../support/live-documents.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import { useTestServer } from '../support/test-server.js';

// The engines' side of live chip verification: DG1 against the printed MRZ, the DG2 face against the
// selfie. One store is enough: the store side runs on every store in chip-upload.test.ts.
const trustDir = mkdtempSync(path.join(tmpdir(), 'openassure-csca-engines-'));
const server = useTestServer(
  'sqlite',
  { OPENASSURE_CSCA_PATH: trustDir, OPENASSURE_ENGINE_THREADS: '1' },
  { worker: true },
);

interface Report {
  checks: { id: string; verdict: string; reason: string }[];
}

describe.skipIf(!corpusAvailable())('live chip verification with the engines', () => {
  let live: ApiClient;
  let signer: Party;
  let passport: Awaited<ReturnType<typeof syntheticDocument>>;
  beforeAll(async () => {
    passport = await syntheticDocument(3, 'TD3');
    // The CSCA is of the country the synthetic passport names, as the country check demands.
    const state = parseMrz(passport.lines).fields.issuingState;
    const country = state === 'D' ? 'DE' : findCountry(state)!.alpha2;
    const authority = csca(country, makeKey('brainpoolP256r1'));
    signer = documentSigner(authority, makeKey('brainpoolP256r1'));
    writeFileSync(path.join(trustDir, 'csca.der'), authority.certificate);
    await server().app.reloadTrust();
    live = (await server().newClient('live')).api;
  });

  async function verify(face: Buffer, images: { front?: Buffer; selfie?: Buffer }, mrz = passport.lines) {
    const groups = new Map([
      [1, dg1(mrz)],
      [2, dg2(face)],
    ]);
    const { dossierId } = (await live.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await live.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'readid' });
    const process = `/assure/dossiers/${dossierId}/processes/${created.json<{ processId: string }>().processId}`;
    const upload = await live.post(`${process}/chip`, {
      sod: sod(groups, signer).toString('base64'),
      dg1: groups.get(1)!.toString('base64'),
      dg2: groups.get(2)!.toString('base64'),
      ...(images.front && { front: dataUrlOf(images.front, 'image/png') }),
      ...(images.selfie && { selfie: dataUrlOf(images.selfie) }),
    });
    expect(upload.status, upload.text()).toBe(201);
    expect((await live.post(process, {})).status).toBe(200);
    const body = await waitForFinal(live, process, 180_000);
    const report = (await live.get(`${process}/raw`)).json<{ chipReport: Report }>().chipReport;
    return { body, check: (id: string) => report.checks.find((c) => c.id === id) };
  }

  it('accepts the chip whose face is the selfie and whose MRZ is printed on the page', async () => {
    const [chipFace, selfie] = facePhotos('barack_obama');
    const portrait = await sharp(chipFace!).rotate().resize(420, 520, { fit: 'cover' }).jpeg().toBuffer();
    const { body, check } = await verify(portrait, { front: passport.image, selfie: selfie! });
    expect(check('dg1PrintedMrz')?.verdict).toBe('SUCCEEDED');
    expect(check('dg2Face')?.verdict).toBe('SUCCEEDED');
    expect(body).toMatchObject({
      status: 'accepted',
      providerSpecific: { iproovSession: { passed: true, enrollmentImageSource: 'Chip', attempts: 1 } },
    });
  });

  it('makes a stranger inconclusive, and rejects a chip whose MRZ is not the printed one', async () => {
    const [chipFace] = facePhotos('barack_obama');
    const [stranger] = facePhotos('human_lexi');
    const portrait = await sharp(chipFace!).rotate().resize(420, 520, { fit: 'cover' }).jpeg().toBuffer();
    const strangerRun = await verify(portrait, { selfie: stranger! });
    expect(strangerRun.check('dg2Face')?.verdict).toBe('FAILED');
    expect(strangerRun.body).toMatchObject({
      status: 'inconclusive',
      providerSpecific: { iproovSession: { passed: false } },
    });

    const other = await syntheticDocument(5, 'TD3');
    const swapped = await verify(portrait, { front: other.image }, passport.lines);
    expect(swapped.check('dg1PrintedMrz')).toMatchObject({
      verdict: 'FAILED',
      reason: expect.stringMatching(/another document/),
    });
    expect(swapped.body).toMatchObject({ status: 'rejected' });
  });
});
