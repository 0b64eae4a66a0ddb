import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { corpusAvailable, facePhotos } from '../support/corpus.js';
import { syntheticDocument } from '../support/live-documents.js';
import type { TestServer } from '../support/test-server.js';
import { axeViolations, newAxeContext } from './support/axe.js';
import { en } from './support/catalogue.js';
import { CAMERA_SIZE } from './support/capture-documents.js';
import {
  DESKTOP,
  guardedPage,
  PHONE,
  startCapture,
  startCaptureServer,
  type StartedCapture,
} from './support/capture-e2e.js';
import { launchChromium } from './support/chromium.js';
import { writeY4m } from './support/fake-camera.js';
import { PageGuard } from './support/guard.js';
import { startRedirectTarget, type RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';
import { recordVideo, SLOW, throughTheCard } from './support/video-capture.js';

const CAMERA = { ...PHONE, permissions: ['camera'] };
const DENY_CAMERA = `if (navigator.mediaDevices) navigator.mediaDevices.getUserMedia = () =>
  Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));`;
/** The integrator's live client: the server's own `api` is a sandbox client. */
async function liveClient(server: TestServer): Promise<ApiClient> {
  return (await server.newClient('live')).api;
}

describe.skipIf(skipBrowserTests() || !corpusAvailable())('the selfie video of a live video identification', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let target: RedirectTarget;
  let card: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'openassure-video-'));
    server = await startCaptureServer();
    target = await startRedirectTarget();
    const [face] = facePhotos('barack_obama');
    const camera = path.join(dir, 'face.y4m');
    await writeY4m(face!, camera, CAMERA_SIZE);
    browser = await launchChromium({ fakeCamera: camera });
    card = (await syntheticDocument(7, 'TD1')).image;
  });

  afterAll(async () => {
    await browser?.close();
    await target?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const flowRequest = (provider: Record<string, unknown>, uiProfileJSON: Record<string, unknown> = {}) => ({
    providers: [provider],
    sdk: 'native',
    redirectUrl: target.url,
    // The synthetic card is taken as it is: these tests are about the video, not the document checks.
    captureParameters: { uiProfileJSON: { maxRetries: 0, ...uiProfileJSON } },
  });

  async function finishAndGoBack(page: Page, name: string, started: StartedCapture): Promise<void> {
    await expect.poll(() => page.getByTestId('finish').count(), SLOW).toBe(1);
    await screenshot(page, name, '5-review');
    await page.getByTestId('finish').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), SLOW).toBe(true);
    await Promise.all([page.waitForURL(`${target.url}?**`), dialog.getByTestId('finish').click()]);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      dossierId: started.dossierId,
      processId: started.processId,
      status: 'processing',
    });
  }

  it('records the prompt and the video with the front camera, finishes, and Get video serves the recording', async () => {
    const name = 'video-eid';
    const api = await liveClient(server);
    const started = await startCapture(api, flowRequest({ provider: 'eid', processType: 'unattended' }));
    const { context, guard, page } = await guardedPage(browser, CAMERA);
    await page.goto(started.url);
    await throughTheCard(page, card, name);

    const { session, still } = await recordVideo(page, name);
    // The still frame is the selfie, and the server's selfie check finds the one face in it.
    expect(still).toMatchObject({ accepted: true, problems: [] });
    expect(session.selfieVideo.video!.durationMs).toBeGreaterThanOrEqual(4_500);
    // Timers run late on a busy machine, never early.
    expect(session.selfieVideo.video!.durationMs).toBeLessThan(20_000);
    await expect.poll(() => page.getByTestId('confirm').count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, name, '4-video-kept');
    await page.getByTestId('confirm').click();
    await finishAndGoBack(page, name, started);

    // The integrator's Get video: the recording as the browser made it (Chromium records MP4 since 126).
    const served = await api.get(`/assure/dossiers/${started.dossierId}/processes/${started.processId}/video`);
    expect(served.status).toBe(200);
    const { contentType, size } = session.selfieVideo.video!;
    expect(served.headers.get('content-type')).toBe(contentType);
    expect(served.body.length).toBe(size);
    if (contentType === 'video/mp4') expect(served.body.subarray(4, 8).toString('latin1')).toBe('ftyp');
    else expect([...served.body.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    // Five seconds of a 1080p camera: more than a few frames, far under the 20 MB limit.
    expect(size).toBeGreaterThan(20_000);
    expect(size).toBeLessThan(8 * 1024 * 1024);
    guard.assertClean();
    await context.close();
  }, 180_000);

  it('offers a phone when the camera is refused, and the phone records the video and finishes', async () => {
    const name = 'video-denied';
    const api = await liveClient(server);
    // The configuration offers no handover up front: the video step still does.
    const started = await startCapture(
      api,
      flowRequest({ provider: 'signicatvideoid', processType: 'substantial' }, { enableMobileHandover: false }),
    );
    const desktop = await guardedPage(browser, DESKTOP);
    await desktop.context.addInitScript({ content: DENY_CAMERA });
    await desktop.page.goto(started.url);
    await throughTheCard(desktop.page, card, name);
    await expect
      .poll(() => desktop.page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain(en.text('video.unavailable'));
    expect(await desktop.page.getByTestId('video-record').count()).toBe(0);
    await screenshot(desktop.page, name, '2-denied');
    await desktop.page.getByTestId('video-handover').click();
    await expect.poll(() => desktop.page.getByTestId('handover-qr').count(), { timeout: 15_000 }).toBe(1);
    await screenshot(desktop.page, name, '3-handover');
    const link = await desktop.page.getByTestId('handover-link').inputValue();

    const phone = await guardedPage(browser, CAMERA);
    await phone.page.goto(link);
    // The phone resumes where the desktop stopped: the document is in, the video is missing.
    await recordVideo(phone.page, `${name}-phone`);
    await expect.poll(() => phone.page.getByTestId('confirm').count(), { timeout: 15_000 }).toBe(1);
    await phone.page.getByTestId('confirm').click();
    await finishAndGoBack(phone.page, `${name}-phone`, started);

    // The desktop follows the phone to the end.
    await expect.poll(() => desktop.page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(1);
    await screenshot(desktop.page, name, '4-desktop-done');
    desktop.guard.assertClean();
    phone.guard.assertClean();
    await phone.context.close();
    await desktop.context.close();
  }, 180_000);

  it('finds no WCAG 2.2 AA violation on the video step, recording or refused', async () => {
    const api = await liveClient(server);
    const problems: Record<string, unknown> = {};
    for (const [step, denied] of [
      ['video-ready', false],
      ['video-denied', true],
    ] as const) {
      const started = await startCapture(api, flowRequest({ provider: 'webid', processType: 'videoid', webid }));
      const context = await newAxeContext(browser, { ...CAMERA, ...(denied && { permissions: [] }) });
      const guard = await PageGuard.attach(context);
      if (denied) await context.addInitScript({ content: DENY_CAMERA });
      const page = await context.newPage();
      await page.goto(started.url);
      await throughTheCard(page, card, `axe-${step}`);
      const ready = denied ? page.getByTestId('video-handover') : page.getByTestId('video-record');
      await expect.poll(() => ready.isEnabled(), { timeout: 15_000 }).toBe(true);
      const violations = await axeViolations(page);
      if (violations.length > 0) problems[step] = violations;
      guard.assertClean();
      await context.close();
    }
    expect(problems).toEqual({});
  }, 180_000);
});

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
