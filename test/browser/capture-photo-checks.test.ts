import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import { en } from './support/catalogue.js';
import { CAMERA_SIZE, passportCamera, sidewaysPhoto } from './support/capture-documents.js';
import {
  choosePassport,
  guardedPage,
  heading,
  PHONE,
  recordPhotos,
  startCapture,
  waitForProcess,
  type StartedCapture,
} from './support/capture-e2e.js';
import { launchChromium } from './support/chromium.js';
import type { RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';
import { startCaptureRig, type CaptureRig } from './support/capture-rig.js';

const CAMERA = { ...PHONE, permissions: ['camera'] };
const TARGET_BYTES = 1.5 * 1024 * 1024;
const AUTO_CAPTURE = { uiProfileJSON: { autoCapture: true } };
const FRONT_UPLOAD = /\/assure\/capture\/api\/session\/images\/front\?source=upload$/;

// Runs in the page before the app: the camera exists, but the person (or a policy) said no.
const DENY_CAMERA = `navigator.mediaDevices.getUserMedia = () =>
  Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));`;

/** Mean absolute difference of two pictures as 64x48 grey thumbnails (0 = the same picture). */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const thumb = (image: Buffer) => sharp(image).resize(64, 48, { fit: 'fill' }).grayscale().raw().toBuffer();
  const [x, y] = await Promise.all([thumb(a), thumb(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

describe.skipIf(skipBrowserTests())('what the app does with imperfect photos, against the real server', () => {
  let rig: CaptureRig | undefined;
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let target: RedirectTarget;

  beforeAll(async () => {
    // A working camera is there: choosing a file is the person's own choice (or the camera is refused).
    rig = await startCaptureRig('upload');
    ({ dir, server, browser, target } = rig);
  });

  afterAll(() => rig?.close());

  const flowRequest = () => ({ providers: [{ provider: 'paper' }], sdk: 'capture', redirectUrl: target.url });
  const start = () => startCapture(server.api, flowRequest());

  /** Confirms the kept photo, sends it and follows the done dialog back to the service. */
  async function finish(page: Page, name: string, started: StartedCapture) {
    await page.getByTestId('confirm').click();
    await page.getByTestId('finish').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(`${target.url}?**`), dialog.getByTestId('finish').click()]);
    await screenshot(page, name, 'back-at-the-service');
    expect(new URL(page.url()).searchParams.get('processId')).toBe(started.processId);
    return waitForProcess(server.api, started, (p) => p.status !== 'pending' && p.status !== 'processing');
  }

  it('does not take the same passport out of focus, and says why', async () => {
    const name = 'camera-blurred';
    // The fake camera's picture is fixed per Chromium process: the blurred passport needs a browser of its own.
    // Out of focus as the server's blur check was calibrated: a Gaussian of 0.5% of the long side.
    const blur = CAMERA_SIZE.width * 0.005;
    const blurred = await launchChromium({ fakeCamera: await passportCamera(dir, 'blurred', { blur }) });
    try {
      const started = await startCapture(server.api, { ...flowRequest(), captureParameters: AUTO_CAPTURE });
      const { context, guard, page } = await guardedPage(blurred, CAMERA);
      const sent = recordPhotos(page);
      await page.goto(started.url);
      await choosePassport(page);
      await expect.poll(() => page.getByTestId('shutter').isEnabled(), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => page.getByText(en.text('guidance.blurry')).count(), { timeout: 10_000 }).toBe(1);
      // Five steady, sharp frames (about a second) would have fired it; give it several times that.
      await page.waitForTimeout(5_000);
      await screenshot(page, name, 'still-waiting');
      expect(sent).toEqual([]);
      expect(await page.getByTestId('confirm').count()).toBe(0);
      expect(await heading(page).textContent()).toBe(en.text('capture.front.title'));
      guard.assertClean();
      await context.close();
    } finally {
      await blurred.close();
    }
  });

  it('sends a large sideways phone photo upright, without its EXIF, under 1.5 MB', async () => {
    const name = 'upload-exif';
    const { photo, upright } = await sidewaysPhoto();
    // What the phone wrote: over the server's 4 MB, stored sideways with orientation 6.
    expect(photo.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(await sharp(photo).metadata()).toMatchObject({ width: 3000, height: 4000, orientation: 6 });

    const started = await start();
    const { context, guard, page } = await guardedPage(browser, CAMERA);
    const sent = recordPhotos(page);
    await page.goto(started.url);
    await choosePassport(page);
    await expect.poll(() => page.getByTestId('shutter').isEnabled(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, name, '1-capture');
    await page.getByTestId('file-input').setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => page.getByTestId('confirm').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, name, '2-kept');

    expect(sent).toHaveLength(1);
    const { url, body, answer } = sent[0]!;
    expect(url).toMatch(FRONT_UPLOAD);
    expect(await answer).toMatchObject({ accepted: true, problems: [] });
    expect(body.length).toBeLessThanOrEqual(TARGET_BYTES);
    const meta = await sharp(body).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2560, height: 1920 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    const process = await finish(page, name, started);
    expect(process.depictions).toEqual(['front']);
    const image = await server.api.get(
      `/assure/dossiers/${started.dossierId}/processes/${started.processId}/images?depiction=front`,
    );
    expect(image.status).toBe(200);
    const stored = await sharp(image.body).metadata();
    expect(stored.width).toBeGreaterThan(stored.height);
    // Upright: close to the picture as it should look, far from it turned upside down.
    const asItShouldLook = await difference(image.body, upright);
    const upsideDown = await difference(image.body, await sharp(upright).rotate(180).toBuffer());
    expect(asItShouldLook).toBeLessThan(12);
    expect(upsideDown).toBeGreaterThan(asItShouldLook * 2);
    guard.assertClean();
    await context.close();
  });

  it('offers the upload when the camera is refused, and the upload works', async () => {
    const name = 'camera-denied';
    const started = await start();
    const { context, guard, page } = await guardedPage(browser, CAMERA);
    await context.addInitScript({ content: DENY_CAMERA });
    await page.goto(started.url);
    await choosePassport(page);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(en.text('capture.cameraDenied'));
    expect(await page.getByTestId('shutter').count()).toBe(0);
    await screenshot(page, name, '1-denied');

    const sent = recordPhotos(page);
    const { photo } = await sidewaysPhoto();
    await page.getByTestId('file-input').setInputFiles({ name: 'passport.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => page.getByTestId('confirm').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, name, '2-kept');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toMatch(FRONT_UPLOAD);
    expect(await sent[0]!.answer).toMatchObject({ accepted: true, problems: [] });
    const process = await finish(page, name, started);
    expect(process.depictions).toEqual(['front']);
    guard.assertClean();
    await context.close();
  });
});
