import sharp from 'sharp';
import type { ApiClient } from '../support/api-client.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaptureBrowser } from '../support/capture-client.js';
import { signInOperator, type ConsoleClient } from '../support/console-client.js';
import { corpusAvailable, facePhotos } from '../support/corpus.js';
import { dataUrlOf, syntheticDocument, withPortrait } from '../support/live-documents.js';
import { waitUntilQueued } from '../support/review-cases.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import { useTestServer } from '../support/test-server.js';
import { tinyMp4 } from '../support/videos.js';

interface ProcessBody {
  status: string;
  providerSpecific?: Record<string, Record<string, unknown>>;
  finalResult?: Record<string, unknown>;
}

// The real engines decide here: one store is enough (the queue's storage is covered on every store by
// console-reviews.test.ts), and a few verifications keep the time modest.
const server = useTestServer('sqlite', { OPENASSURE_ENGINE_THREADS: '1' }, { worker: true });

const webid = {
  user: { firstName: 'John', lastName: 'Smith', dateOfBirth: '1986-07-24', contact: { email: 'john@example.com' } },
  userActionParameters: {
    redirectUrl: 'https://example.com/ok',
    redirectDeclineUrl: 'https://example.com/decline',
    redirectMismatchUrl: 'https://example.com/mismatch',
    redirectCancelUrl: 'https://example.com/cancel',
    clientName: 'Bank',
    productType: 'loan',
  },
  idDocument: { nationality: 'NLD' },
};

describe.skipIf(!corpusAvailable())('live video identifications decided by a reviewer', () => {
  let reviewer: ConsoleClient;
  let images: { front: Buffer; selfie: Buffer };
  beforeAll(async () => {
    reviewer = await signInOperator(server(), { role: 'reviewer' });
    const [face] = facePhotos('barack_obama');
    images = {
      front: await withPortrait(await syntheticDocument(11, 'TD1'), face!),
      selfie: await sharp(face!).flop().jpeg().toBuffer(),
    };
  });

  /** A live client's capture: a Dutch identity card, the selfie still and its video; returns the process. */
  async function captured(block: Record<string, unknown>) {
    const { api } = await server().newClient('live');
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const started = await api.post(`/assure/dossiers/${dossierId}/capture`, {
      providers: [block],
      sdk: 'native',
      redirectUrl: 'https://example.com/done',
      captureParameters: { uiProfileJSON: { maxRetries: 0 } },
    });
    expect(started.status, started.text()).toBe(201);
    const user = new CaptureBrowser(server().baseUrl);
    const { processId } = (await user.open(started.json<{ url: string }>().url)).json<{ processId: string }>();
    expect(
      (await user.request('PUT', '/session/document', { documentType: 'identityCard', documentCountry: 'NLD' })).status,
    ).toBe(200);
    expect((await user.upload('front', images.front, 'camera')).status).toBe(200);
    expect((await user.upload('back', images.front, 'camera')).status).toBe(200);
    expect((await user.upload('selfie', images.selfie, 'camera')).status).toBe(200);
    // MP4, as the app records where the browser can: upstream's Get video serves video/mp4.
    expect((await user.video(tinyMp4(), { contentType: 'video/mp4', durationMs: 5000 })).status).toBe(200);
    const finished = await user.request('POST', '/session/finish', {});
    expect(finished.status, finished.text).toBe(200);
    await waitUntilQueued(server(), processId);
    return { api, processId, path: `/assure/dossiers/${dossierId}/processes/${processId}` };
  }

  it('Signicat VideoID high: the engines read the card and match the face, the reviewer accepts', async () => {
    const { api, processId, path } = await captured({ provider: 'signicatvideoid', processType: 'high' });
    expect((await api.get(path)).json<ProcessBody>().status).toBe('processing');
    const detail = await reviewer.get(`/reviews/${processId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json()).toMatchObject({
      provider: 'signicatvideoid',
      selfieVideo: {
        prompt: expect.stringMatching(/^(turnLeft|turnRight|lookUp|smile|blink)$/),
        video: { contentType: 'video/mp4' },
      },
      extracted: { documentType: 'identityCard', lastName: expect.any(String), documentNumber: expect.any(String) },
    });
    expect((await reviewer.post(`/reviews/${processId}/claim`)).status).toBe(200);
    const decided = await reviewer.post(`/reviews/${processId}/decision`, {
      decision: 'accept',
      reason: 'documentAndFaceMatch',
    });
    expect(decided.json()).toEqual({ state: 'decided', status: 'accepted' });
    const body = (await api.get(path)).json<ProcessBody>();
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific?.ocr).toMatchObject({ similarityScore: 'high', documentType: 'identityCard' });
    expect(body.providerSpecific?.manualApproval).toMatchObject({ verificationId: expect.any(String) });
    const video = await api.get(`${path}/video`);
    expect(video.status).toBe(200);
    expect(video.body.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('WebID videoid: the reviewer rejects, and the ident response says so', async () => {
    const { api, processId, path } = await captured({ provider: 'webid', processType: 'videoid', webid });
    expect((await reviewer.post(`/reviews/${processId}/claim`)).status).toBe(200);
    const decided = await reviewer.post(`/reviews/${processId}/decision`, {
      decision: 'reject',
      reason: 'promptNotFollowed',
    });
    expect(decided.json()).toEqual({ state: 'decided', status: 'rejected' });
    const body = (await api.get(path)).json<ProcessBody>();
    expect(body).toMatchObject({
      status: 'rejected',
      providerSpecific: {
        identResponse: { success: false, identMode: 'video_ident', rejectionReason: expect.any(String) },
      },
    });
  });
});

describe.skipIf(!corpusAvailable())('reviewInconclusive: inconclusive live outcomes go to a reviewer', () => {
  let reviewer: ConsoleClient;
  beforeAll(async () => {
    reviewer = await signInOperator(server(), { role: 'reviewer' });
  });

  /** An Onfido documentSelfie whose selfie is someone else than the portrait: the engines find it inconclusive. */
  async function strangerSelfie(api: ApiClient) {
    const card = await syntheticDocument(11, 'TD1');
    const [portrait] = facePhotos('barack_obama');
    const [stranger] = facePhotos('human_lexi');
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'onfido',
      processType: 'documentSelfie',
      documentType: 'identityCard',
    });
    expect(created.status, created.text()).toBe(201);
    const { processId } = created.json<{ processId: string }>();
    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    const images = { front: dataUrlOf(await withPortrait(card, portrait!)), selfie: dataUrlOf(stranger!) };
    expect((await api.post(`${path}/images`, images)).status).toBe(201);
    expect((await api.post(path, {})).status).toBe(200);
    return { processId, path };
  }

  it('finishes inconclusive without the setting, and waits for a reviewer with it', async () => {
    const { api, clientId } = await server().newClient('live');
    const plain = await strangerSelfie(api);
    expect((await waitForFinal(api, plain.path, 120_000)).status).toBe('inconclusive');

    // The admin's setting (PUT /console/api/clients/:id/settings), as the console stores it.
    await server().app.store.repos.clientSettings.put({ clientId, reviewInconclusive: ['onfido'], fourEyes: false });
    const reviewed = await strangerSelfie(api);
    await waitUntilQueued(server(), reviewed.processId);
    expect((await api.get(reviewed.path)).json<ProcessBody>().status).toBe('processing');

    const detail = await reviewer.get(`/reviews/${reviewed.processId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json()).toMatchObject({ provider: 'onfido', processType: 'documentSelfie' });
    expect((await reviewer.post(`/reviews/${reviewed.processId}/claim`)).status).toBe(200);
    const decided = await reviewer.post(`/reviews/${reviewed.processId}/decision`, {
      decision: 'accept',
      reason: 'documentVerifiedFaceMatchedByReviewer',
      corrections: { lastName: 'Corrected' },
    });
    expect(decided.json()).toEqual({ state: 'decided', status: 'accepted' });
    const body = (await api.get(reviewed.path)).json<ProcessBody>();
    expect(body.status).toBe('accepted');
    // The provider's sections as the engines produced them, the reviewer's verdict and corrections.
    expect(Object.keys(body.providerSpecific ?? {}).sort()).toEqual(['documentVerification', 'facialSimilarity']);
    expect(body.finalResult).toMatchObject({ lastName: 'Corrected' });
  });
});
