import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { corpusAvailable, facePhotos } from '../support/corpus.js';
import { syntheticDocument, withPortrait } from '../support/live-documents.js';
import type { TestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { buildCaptureApp } from './support/build.js';
import { CAMERA_SIZE } from './support/capture-documents.js';
import { guardedPage, PHONE, startCapture } from './support/capture-e2e.js';
import { launchChromium } from './support/chromium.js';
import { heading, navigate, poll, signedIn, startConsoleServer } from './support/console.js';
import { writeY4m } from './support/fake-camera.js';
import { startRedirectTarget, type RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';
import { CHECKED, recordVideo, SLOW, throughTheCard } from './support/video-capture.js';

interface ProcessBody {
  status: string;
  providerSpecific?: { manualApproval?: Record<string, unknown> };
}

interface CompletedEvent {
  data: { processId: string; status: string };
}

/**
 * The whole life of a reviewed case, with nothing standing in: a live Signicat VideoID `high` captured by an
 * end-user in the capture app (Chromium's fake camera showing a real face, the same face printed on the card),
 * read by the real engines into the review queue, accepted by a reviewer in the console, and then the
 * integrator's side: the signed webhook and Get process in upstream's shape.
 */
describe.skipIf(skipBrowserTests() || !corpusAvailable())('a live VideoID case from capture to decision', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let target: RedirectTarget;
  let receiver: WebhookReceiver;
  let live: ApiClient;
  let card: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'openassure-full-review-'));
    server = await startConsoleServer({ OPENASSURE_CAPTURE_APP_DIR: await buildCaptureApp() });
    target = await startRedirectTarget();
    receiver = await WebhookReceiver.start();
    const [face] = facePhotos('barack_obama');
    const camera = path.join(dir, 'face.y4m');
    await writeY4m(face!, camera, CAMERA_SIZE);
    browser = await launchChromium({ fakeCamera: camera });
    card = await withPortrait(await syntheticDocument(11, 'TD1'), face!);
    live = (await server.newClient('live')).api;
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await target?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is captured with the selfie video, queued, accepted in the console, and reaches the client signed', async () => {
    const name = 'full-review';
    const hook = await live.post('/assure/webhooks', { url: receiver.url('/kyc'), events: ['process.completed'] });
    expect(hook.status, hook.text()).toBe(201);
    const { secret } = hook.json<{ secret: string }>();

    // The end-user's part, in the capture app.
    const started = await startCapture(live, {
      providers: [{ provider: 'signicatvideoid', processType: 'high' }],
      sdk: 'native',
      redirectUrl: target.url,
      captureParameters: { uiProfileJSON: { maxRetries: 0 } },
    });
    const user = await guardedPage(browser, { ...PHONE, permissions: ['camera'] });
    await user.page.goto(started.url);
    await throughTheCard(user.page, card, name);
    await recordVideo(user.page, name);
    await expect.poll(() => user.page.getByTestId('confirm').count(), SLOW).toBe(1);
    await user.page.getByTestId('confirm').click();
    await expect.poll(() => user.page.getByTestId('finish').count(), SLOW).toBe(1);
    await user.page.getByTestId('finish').click();
    await Promise.all([
      user.page.waitForURL(`${target.url}?**`),
      user.page.getByRole('dialog').getByTestId('finish').click(),
    ]);
    user.guard.assertClean();
    await user.context.close();

    // The engines read the card and the still, and leave the decision to a person.
    const processPath = `/assure/dossiers/${started.dossierId}/processes/${started.processId}`;
    await expect
      .poll(async () => (await server.app.store.repos.reviews.find(started.processId))?.state, CHECKED)
      .toBe('queued');
    expect((await live.get(processPath)).json<ProcessBody>().status).toBe('processing');

    // The reviewer's part, in the console.
    const reviewer = await signedIn(server, browser, { role: 'reviewer' });
    const { page } = reviewer;
    await navigate(page, 'reviews', 'Reviews');
    const item = page.getByTestId(`review-item-${started.processId}`);
    await poll(() => item.isVisible()).toBe(true);
    await item.getByRole('link').click();
    await poll(() => heading(page).textContent()).toBe(`Review ${started.processId}`);
    await page.getByTestId('review-claim').click();
    await page.getByTestId('review-reason').selectOption('documentAndFaceMatch');
    await screenshot(page, name, 'console-review');
    await page.getByTestId('review-accept').click();
    await poll(() => page.getByTestId('review-outcome').textContent()).toMatch(/now accepted/);
    reviewer.guard.assertClean();
    await reviewer.close();

    // The integrator's part: a signed webhook, and the upstream result with the agent's approval.
    const completed = async () =>
      receiver.requests
        .map((request) => new Webhook(secret).verify(request.body, request.headers as Record<string, string>))
        .map((event) => event as CompletedEvent)
        .find((event) => event.data.processId === started.processId);
    await expect.poll(completed, SLOW).toBeDefined();
    expect((await completed())!.data.status).toBe('accepted');
    const body = (await live.get(processPath)).json<ProcessBody>();
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific?.manualApproval).toBeDefined();
  }, 300_000);
});
