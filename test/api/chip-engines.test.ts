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
import { encodeJ2k, wrapJp2 } from '../support/jpeg2000.js';
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
    const portrait = await live.get(`${process}/images?depiction=portrait`);
    return { body, portrait, check: (id: string) => report.checks.find((c) => c.id === id) };
  }

  it('accepts the chip whose face is the selfie and whose MRZ is printed on the page', async () => {
    const [chipFace, selfie] = facePhotos('barack_obama');
    const portrait = await sharp(chipFace!).rotate().resize(420, 520, { fit: 'cover' }).jpeg().toBuffer();
    const { body, check, portrait: image } = await verify(portrait, { front: passport.image, selfie: selfie! });
    // Get image gives the chip's own photo as the portrait, as upstream's ReadID does.
    expect(image.status).toBe(200);
    expect(image.body.equals(portrait)).toBe(true);
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

  it('compares a JPEG 2000 chip face (JP2 and raw codestream) with the selfie and gives it as the portrait', async () => {
    const [chipFace, selfie] = facePhotos('barack_obama');
    const [stranger] = facePhotos('human_lexi');
    const photo = await sharp(chipFace!).rotate().resize(420, 520, { fit: 'cover' }).png().toBuffer();
    const codestream = await encodeJ2k(photo);
    const jp2 = await verify(wrapJp2(codestream, { width: 420, height: 520, components: 3 }), { selfie: selfie! });
    expect(jp2.check('dg2Face')?.verdict).toBe('SUCCEEDED');
    expect(jp2.body).toMatchObject({ status: 'accepted', providerSpecific: { iproovSession: { passed: true } } });
    expect(jp2.portrait.status).toBe(200);
    const decoded = await sharp(jp2.portrait.body).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['png', 420, 520]);

    const j2k = await verify(codestream, { selfie: stranger! });
    expect(j2k.check('dg2Face')?.verdict).toBe('FAILED');
    expect(j2k.body).toMatchObject({ status: 'inconclusive', providerSpecific: { iproovSession: { passed: false } } });
  });

  it('refuses a truncated or oversized JPEG 2000 face with the reason, and has no portrait to give', async () => {
    const [chipFace, selfie] = facePhotos('barack_obama');
    const codestream = await encodeJ2k(
      await sharp(chipFace!).rotate().resize(300, 400, { fit: 'cover' }).png().toBuffer(),
    );
    const truncated = await verify(codestream.subarray(0, codestream.length >> 1), { selfie: selfie! });
    expect(truncated.check('dg2Face')).toMatchObject({
      verdict: 'NOT_CHECKED',
      reason: expect.stringMatching(/JPEG 2000\) cannot be decoded: .*truncated or corrupt/),
    });
    expect(truncated.portrait.status).toBe(404);
    // The chip's data is still authentic; without a face comparison ReadID reports no iProov match.
    expect(truncated.body).toMatchObject({ status: 'accepted' });
    expect(truncated.body).not.toHaveProperty('providerSpecific.iproovSession.passed');

    const bomb = Buffer.from(codestream);
    bomb.writeUInt32BE(65_000, 8);
    bomb.writeUInt32BE(65_000, 12);
    const oversized = await verify(bomb, { selfie: selfie! });
    expect(oversized.check('dg2Face')?.reason).toMatch(/65000×65000 pixels, over the limit/);
  });
});
