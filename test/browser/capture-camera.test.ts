import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/store-kinds.js';
import type { TestServer } from '../support/test-server.js';
import { passportCamera } from './support/capture-documents.js';
import {
  choosePassport,
  guardedPage,
  PHONE,
  recordPhotos,
  startCapture,
  startCaptureServer,
  waitForProcess,
} from './support/capture-e2e.js';
import { launchChromium } from './support/chromium.js';
import { startRedirectTarget, type RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

const CAMERA = { ...PHONE, permissions: ['camera'] };
/** The sandbox outcome the integrator asked for; the process must end in it. */
const SCENARIO = 'signicatpaper-rejected-expired';
const CAMERA_UPLOAD = /\/assure\/capture\/api\/session\/images\/front\?source=camera$/;

describe.skipIf(skipBrowserTests())('capturing a passport with the camera, against the real server', () => {
  let dir: string;
  let target: RedirectTarget;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'openassure-camera-'));
    target = await startRedirectTarget();
  });

  afterAll(async () => {
    await target?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const flowRequest = () => ({
    providers: [{ provider: 'paper' }],
    sdk: 'capture',
    redirectUrl: `${target.url}?ref=42`,
    captureParameters: { uiProfileJSON: { autoCapture: true } },
  });

  describe.each(databaseKinds)('on %s', (kind) => {
    let server: TestServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startCaptureServer(kind);
      browser = await launchChromium({ fakeCamera: await passportCamera(dir, `sharp-${kind}`) });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('takes the sharp passport by itself, finishes, goes back, and the verification ends as the sandbox says', async () => {
      const name = `camera-${kind}`;
      const started = await startCapture(server.api, flowRequest(), { scenario: SCENARIO });
      const { context, guard, page } = await guardedPage(browser, CAMERA);
      const sent = recordPhotos(page);

      await page.goto(started.url);
      await expect.poll(() => page.getByTestId('document-type-passport').count()).toBe(1);
      expect(new URL(page.url()).hash).toBe('#/');
      await screenshot(page, name, '1-document');
      await choosePassport(page);

      await expect.poll(() => page.getByTestId('shutter').isEnabled(), { timeout: 15_000 }).toBe(true);
      await screenshot(page, name, '2-camera');
      // Nobody presses the shutter: the app takes the photo once the frames are good and steady.
      await expect.poll(() => page.getByTestId('confirm').count(), { timeout: 30_000 }).toBe(1);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.url).toMatch(CAMERA_UPLOAD);
      // The server's own checks (sharpness, MRZ) agree with the app's guide.
      expect(await sent[0]!.answer).toMatchObject({ accepted: true, problems: [] });
      await screenshot(page, name, '3-kept');
      await page.getByTestId('confirm').click();

      await expect.poll(() => page.getByTestId('finish').count()).toBe(1);
      await screenshot(page, name, '4-review');
      await page.getByTestId('finish').click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await screenshot(page, name, '5-done');
      await Promise.all([page.waitForURL(`${target.url}?**`), dialog.getByTestId('finish').click()]);

      const back = new URL(page.url());
      expect(Object.fromEntries(back.searchParams)).toEqual({
        ref: '42',
        dossierId: started.dossierId,
        processId: started.processId,
        status: 'processing',
      });
      await screenshot(page, name, '6-back-at-the-service');
      const process = await waitForProcess(
        server.api,
        started,
        (p) => p.status !== 'processing' && p.status !== 'pending',
      );
      expect(process).toMatchObject({ status: 'rejected', depictions: ['front'] });
      guard.assertClean();
      await context.close();
    });
  });
});
