import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Box } from '../../src/redaction/boxes.js';
import type { RedactionLevel } from '../../src/redaction/fields.js';
import { marginFactors } from '../../src/redaction/margins.js';
import type { ApiClient } from '../support/api-client.js';
import { blobFile } from '../support/blobs.js';
import { corpusAvailable, facePhotos } from '../support/corpus.js';
import { dataUrlOf } from '../support/live-documents.js';
import { blackCount, blackShare, changedNotBlack, changedOutside, decode, grown } from '../support/pixels.js';
import { redactionDocument, seedsWithPersonalNumber, type RedactionDocument } from '../support/redaction-documents.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const base = { documentType: 'passport', documentCountry: 'NLD' };
const png = (document: RedactionDocument) => dataUrlOf(document.png, 'image/png');
const imageOf = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

/** The portrait's face: the upper middle of the portrait, where any face detector's box lies. */
const faceArea = (portrait: Box): Box => ({
  x: portrait.x + portrait.width * 0.35,
  y: portrait.y + portrait.height * 0.15,
  width: portrait.width * 0.3,
  height: portrait.height * 0.25,
});

/** `box` grown by `dx` on the left and right and `dy` above and below. */
const spread = (box: Box, dx: number, dy: number): Box => ({
  x: box.x - dx,
  y: box.y - dy,
  width: box.width + 2 * dx,
  height: box.height + 2 * dy,
});

/**
 * The redacted image covers the located fields and changed nothing else: every changed pixel is black,
 * and none lies farther from a field than the located box plus the level's margin can reach (the
 * detector's face box lies within the portrait; the MRZ reader's box pads the band by about 30 pixels
 * and is stretched along its lines, see mrz-cover.ts; OCR word boxes hug the characters).
 */
async function expectRedacted(
  document: RedactionDocument,
  redacted: Buffer,
  fields: { photo?: boolean; number?: boolean; surname?: boolean },
  level: RedactionLevel = 'standard',
) {
  const factor = marginFactors[level];
  const [before, after] = [await decode(document.png), await decode(redacted)];
  expect([after.width, after.height]).toEqual([document.width, document.height]);
  expect(changedNotBlack(before, after)).toBe(0);
  const reach: Box[] = [];
  if (fields.photo) {
    expect(blackShare(after, faceArea(document.portrait))).toBe(1);
    reach.push(grown(document.portrait, document.portrait.width * (0.1 + factor)));
  }
  if (fields.number) {
    const { mrz, printedNumber } = document;
    expect(blackShare(after, mrz)).toBe(1);
    expect(blackShare(after, printedNumber!)).toBe(1);
    const padded = 40 + factor * (mrz.height + 80);
    reach.push(spread(mrz, mrz.width * 0.15 + padded, padded));
    reach.push(grown(printedNumber!, printedNumber!.height * (0.5 + factor)));
  }
  if (fields.surname) {
    expect(blackShare(after, document.surname)).toBe(1);
    reach.push(grown(document.surname, document.surname.height * (0.5 + factor)));
  }
  expect(changedOutside(before, after, reach)).toBe(0);
}

describe.each(storeKinds)('redaction on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_ENGINE_THREADS: '1' }, { worker: true });
  const newDossier = async (api: ApiClient) =>
    (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;

  it('checks the request before running any engine, in the upstream error shape', async () => {
    const { api, anonymous } = server();
    const page = await redactionDocument(seedsWithPersonalNumber[0]);
    const front = png(page);
    const cases: Array<[object, number, RegExp]> = [
      [{ ...base, front }, 400, /fieldsToRedact/],
      [{ ...base, front, fieldsToRedact: [] }, 400, /fieldsToRedact/],
      [{ ...base, front, fieldsToRedact: ['signature'] }, 400, /fieldsToRedact/],
      [{ ...base, front, fieldsToRedact: ['photo'], redactionLevel: 'huge' }, 400, /redactionLevel/],
      [{ ...base, documentCountry: 'XXX', front, fieldsToRedact: ['photo'] }, 400, /documentCountry/],
      [{ ...base, fieldsToRedact: ['photo'] }, 400, /front or back image, or a dossierId/],
      [{ ...base, front, dossierId: await newDossier(api), fieldsToRedact: ['photo'] }, 400, /not both/],
      [{ ...base, front: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', fieldsToRedact: ['photo'] }, 400, /JPEG or PNG/],
      [{ ...base, front: dataUrlOf(page.png, 'image/jpeg'), fieldsToRedact: ['photo'] }, 400, /says image\/jpeg/],
    ];
    for (const [body, status, detail] of cases) {
      const response = await api.post('/assure/redact', body);
      expect(response.status, JSON.stringify(body).slice(0, 120)).toBe(status);
      expect(response.json()).toMatchObject({
        status,
        type: 'base:client-problem',
        detail: expect.stringMatching(detail),
      });
    }
    const huge = await sharp({ create: { width: 5001, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const tooBig = await api.post('/assure/redact', {
      ...base,
      front: dataUrlOf(huge, 'image/png'),
      fieldsToRedact: ['photo'],
    });
    expect(tooBig.json()).toMatchObject({ status: 400, detail: expect.stringMatching(/at most 5000 pixels/) });
    expect((await anonymous.post('/assure/redact', { ...base, front, fieldsToRedact: ['photo'] })).status).toBe(401);
  });

  it("answers 404 for another client's dossier or process, and for one without document images", async () => {
    const { api, other } = server();
    const dossierId = await newDossier(api);
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'signicatpaper', ...base });
    const processId = created.json<{ processId: string }>().processId;
    for (const ids of [{ dossierId }, { dossierId, processId }]) {
      const theirs = await other.post('/assure/redact', { ...base, ...ids, fieldsToRedact: ['photo'] });
      expect(theirs.status).toBe(404);
      const empty = await api.post('/assure/redact', { ...base, ...ids, fieldsToRedact: ['photo'] });
      expect(empty.json()).toMatchObject({ status: 404, detail: expect.stringMatching(/image not found/) });
    }
  });

  it('says which field it could not find and sends no image at all, rather than a half-redacted one', async () => {
    const { api } = server();
    // The MRZ holds a personal number, but the page does not print it: the number cannot be covered everywhere.
    const unprinted = await redactionDocument(seedsWithPersonalNumber[1]);
    const response = await api.post('/assure/redact', {
      ...base,
      front: png(unprinted),
      fieldsToRedact: ['personalIdentificationNumber'],
    });
    expect(response.status).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toEqual({
      success: false,
      detail: expect.stringMatching(/personalIdentificationNumber.*not found printed/),
    });
    const blank = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#dde' } })
      .png()
      .toBuffer();
    const faceless = await api.post('/assure/redact', {
      ...base,
      front: dataUrlOf(blank, 'image/png'),
      fieldsToRedact: ['photo'],
    });
    expect(faceless.json()).toEqual({ success: false, detail: expect.stringMatching(/photo \(no face was found/) });
  });

  describe.skipIf(!corpusAvailable())('on a passport page with a real portrait', () => {
    let page: RedactionDocument;
    let unprinted: RedactionDocument;
    beforeAll(async () => {
      const [face] = facePhotos('barack_obama');
      page = await redactionDocument(seedsWithPersonalNumber[0], { face: face!, printNumber: true });
      unprinted = await redactionDocument(seedsWithPersonalNumber[2], { face: face! });
    });

    it('covers the portrait, the MRZ and the printed personal number, and nothing else', async () => {
      const { api } = server();
      const response = await api.post('/assure/redact', {
        ...base,
        front: png(page),
        fieldsToRedact: ['photo', 'personalIdentificationNumber'],
      });
      const body = response.json<{ success: boolean; redactedFrontImage: string; detail: string }>();
      expect(body).toMatchObject({ success: true, detail: 'Redacted photo, personalIdentificationNumber.' });
      expect(body).not.toHaveProperty('redactedBackImage');
      expect(body.redactedFrontImage).toMatch(/^data:image\/png;base64,/);
      await expectRedacted(page, imageOf(body.redactedFrontImage), { photo: true, number: true });
    });

    it('widens the boxes with the level, and redacts the images of a dossier', async () => {
      const { api } = server();
      const dossierId = await newDossier(api);
      expect((await api.post(`/assure/dossiers/${dossierId}/files`, { front: png(page) })).status).toBe(201);
      const covered: number[] = [];
      for (const redactionLevel of ['standard', 'veryHigh'] as const) {
        const body = (
          await api.post('/assure/redact', { ...base, dossierId, fieldsToRedact: ['photo'], redactionLevel })
        ).json<{
          success: boolean;
          redactedFrontImage: string;
        }>();
        expect(body.success).toBe(true);
        await expectRedacted(page, imageOf(body.redactedFrontImage), { photo: true }, redactionLevel);
        covered.push(blackCount(await decode(imageOf(body.redactedFrontImage))));
      }
      expect(covered[1]).toBeGreaterThan(covered[0]! * 2);
    });

    /** A Signicat Paper process with redaction, verified by the worker; its result and the path of its images. */
    async function redactedProcess(api: ApiClient, document: RedactionDocument, redact: string[]) {
      const dossierId = await newDossier(api);
      const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
        provider: 'signicatpaper',
        ...base,
        redact,
        redactionLevel: 'medium',
      });
      expect(created.status, created.text()).toBe(201);
      const path = `/assure/dossiers/${dossierId}/processes/${created.json<{ processId: string }>().processId}`;
      expect((await api.post(`${path}/images`, { front: png(document) })).status).toBe(201);
      // The original is never served, not even before verification.
      expect((await api.get(`${path}/images?depiction=front`)).json()).toMatchObject({
        status: 409,
        detail: expect.stringMatching(/once the verification has redacted them/),
      });
      const processId = path.split('/').pop()!;
      const original = await server()
        .app.store.db.selectFrom('images')
        .select('blob_key')
        .where('owner_id', '=', processId)
        .executeTakeFirstOrThrow();
      expect(existsSync(blobFileOf(original.blob_key))).toBe(true);
      expect((await api.post(path, {})).status).toBe(200);
      return { path, body: await waitForFinal(api, path, 120_000), original: blobFileOf(original.blob_key) };
    }

    const blobFileOf = (key: string) => blobFile(server().env, key);
    // Blobs are deleted just after the transaction commits (never before: a rollback would lose
    // them), so the final status can be read a moment before the original's file is gone.
    const expectDeleted = (file: string) =>
      expect.poll(() => existsSync(file), { timeout: 10_000, interval: 50 }).toBe(false);

    it.each(['sandbox', 'live'] as const)(
      'redacts the images of a %s Signicat Paper process after its result, and serves only those',
      async (environment) => {
        const api = environment === 'sandbox' ? server().api : (await server().newClient('live')).api;
        const { path, body, original } = await redactedProcess(api, page, [
          'photo',
          'personalIdentificationNumber',
          'lastName',
        ]);
        // The original's blob is deleted once the result that swapped it out has committed.
        await expectDeleted(original);
        expect(body).toMatchObject({
          redactionRequested: true,
          providerSpecific: { redactionResult: { isPartialRedaction: true, isFullRedaction: true } },
        });
        const image = await api.get(`${path}/images?depiction=front`);
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toBe('image/png');
        await expectRedacted(page, image.body, { photo: true, number: true, surname: true }, 'medium');
      },
    );

    it('holds the images back when a requested field could not be redacted', async () => {
      const { api } = server();
      // The personal number is not printed and no signature is ever located: photo alone is partial.
      const { path, body, original } = await redactedProcess(api, unprinted, [
        'photo',
        'personalIdentificationNumber',
        'signature',
      ]);
      await expectDeleted(original);
      expect(body).toMatchObject({
        redactionRequested: true,
        providerSpecific: { redactionResult: { isPartialRedaction: true, isFullRedaction: false } },
      });
      expect((await api.get(`${path}/images?depiction=front`)).json()).toMatchObject({
        status: 409,
        detail: expect.stringMatching(/isFullRedaction is false/),
      });
      const [, , , dossierId, , processId] = path.split('/');
      const viaRedact = await api.post('/assure/redact', { ...base, dossierId, processId, fieldsToRedact: ['photo'] });
      expect(viaRedact.status).toBe(409);
    });
  });
});
