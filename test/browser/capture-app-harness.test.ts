import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, newAxeContext } from './support/axe.js';
import { buildCaptureApp } from './support/build.js';
import { launchChromium } from './support/chromium.js';
import { writeY4m } from './support/fake-camera.js';
import { PageGuard } from './support/guard.js';
import { screenshot } from './support/screenshots.js';
import { startStaticCaptureServer, type StaticCaptureServer } from './support/static-server.js';
import { skipBrowserTests } from './support/suite.js';

const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
};
const UNKNOWN_LINK = `#/artifact=${'A'.repeat(43)}`;
const JS_BUDGET_GZIP = 40 * 1024;
const SESSION = '/assure/capture/api/session';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe.skipIf(skipBrowserTests())(
  'the capture app in Chromium, served as the contract says, with no sessions',
  () => {
    let server: StaticCaptureServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startStaticCaptureServer(await buildCaptureApp());
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function guardedPage(options: BrowserContextOptions = PHONE) {
      const context = await browser.newContext(options);
      const guard = await PageGuard.attach(context);
      const page = await context.newPage();
      return { context, guard, page };
    }

    it('says the session has ended when the browser has none, under the CSP, with nothing off loopback', async () => {
      const { context, guard, page } = await guardedPage();
      guard.expectFailedResponse(SESSION, 401);
      await page.goto(server.pageUrl);
      await expect.poll(() => heading(page).textContent()).toBe('Your session has ended');
      await expect.poll(() => page.getByTestId('error-message').textContent()).toMatch(/Open the link you received/);
      // Focus is on the heading, so a screen reader starts at the page's message.
      expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
      expect(await page.evaluate('document.title')).toBe('Your session has ended – Identity verification');
      await screenshot(page, 'link-error', 'no-session');
      guard.assertClean();
      expect(guard.offLoopback).toEqual([]);
      expect(server.requests).toContain('GET /assure/capture/api/session');
      await context.close();
    });

    it('says an unknown link does not work, and drops the token from the address', async () => {
      const { context, guard, page } = await guardedPage();
      guard.expectFailedResponse(SESSION, 404);
      await page.goto(`${server.pageUrl}${UNKNOWN_LINK}`);
      await expect.poll(() => heading(page).textContent()).toBe("This link doesn't work");
      expect(new URL(page.url()).hash).toBe('#/');
      expect(server.requests).toContain('POST /assure/capture/api/session');
      await screenshot(page, 'link-error', 'link-invalid');
      guard.assertClean();
      await context.close();
    });

    it('has no WCAG 2.2 AA violation on either error page', async () => {
      const context = await newAxeContext(browser, PHONE);
      const page = await context.newPage();
      for (const url of [server.pageUrl, `${server.pageUrl}${UNKNOWN_LINK}`]) {
        await page.goto(url);
        await expect.poll(() => page.getByTestId('error-message').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
      }
      await context.close();
    });

    it('loads at most 40 kB of gzipped JavaScript to show its first page', async () => {
      const { context, page } = await guardedPage();
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script')
          scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
      });
      await page.goto(server.pageUrl);
      await expect.poll(() => page.getByTestId('error-message').count()).toBe(1);
      const sizes = await Promise.all(scripts);
      expect(sizes.length).toBeGreaterThan(0);
      const total = sizes.reduce((sum, size) => sum + size, 0);
      console.log(`capture app: ${sizes.length} script(s), ${total} bytes of JavaScript gzipped to the first page`);
      expect(total).toBeLessThanOrEqual(JS_BUDGET_GZIP);
      await context.close();
    });

    it.each([
      { locale: 'ar', lang: 'ar', dir: 'rtl' },
      { locale: 'nb-NO', lang: 'nb', dir: 'ltr' },
      { locale: 'cs-CZ', lang: 'cs', dir: 'ltr' },
    ])("speaks the browser's language ($locale), loading that one catalogue only", async ({ locale, lang, dir }) => {
      const { context, guard, page } = await guardedPage({ ...PHONE, locale });
      guard.expectFailedResponse(SESSION, 401);
      await page.goto(server.pageUrl);
      await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(lang);
      expect(await page.evaluate('document.documentElement.dir')).toBe(dir);
      expect(await heading(page).textContent()).not.toBe('Your session has ended');
      const catalogues = server.requests.filter((request) => /\/assets\/[a-z]{2}-[\w-]+\.js$/.test(request));
      expect(catalogues.some((request) => request.includes(`/assets/${lang}-`))).toBe(true);
      expect(catalogues.every((request) => request.includes(`/assets/${lang}-`))).toBe(true);
      server.requests.length = 0;
      await screenshot(page, 'link-error', `no-session-${lang}`);
      guard.assertClean();
      await context.close();
    });
  },
);

describe.skipIf(skipBrowserTests())("Chromium's fake camera, fed a Y4M written with sharp", () => {
  let dir: string;
  let browser: Browser;
  let server: StaticCaptureServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'openassure-camera-'));
    // Left half white, right half black: easy to recognise after YUV and back.
    const picture = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#000000' } })
      .composite([
        { input: { create: { width: 320, height: 360, channels: 3, background: '#ffffff' } }, left: 0, top: 0 },
      ])
      .png()
      .toBuffer();
    const file = path.join(dir, 'halves.y4m');
    await writeY4m(picture, file, { width: 640, height: 360 });
    browser = await launchChromium({ fakeCamera: file });
    server = await startStaticCaptureServer(await buildCaptureApp());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('plays the picture as the camera on the capture page', async () => {
    const context = await browser.newContext({ ...PHONE, permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(server.pageUrl);
    const seen = await page.evaluate<{ width: number; height: number; left: number; right: number }>(`(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } } });
      const video = document.createElement('video');
      video.muted = true;
      video.srcObject = stream;
      await video.play();
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext('2d');
      context.drawImage(video, 0, 0);
      const pixel = (x) => context.getImageData(x, canvas.height >> 1, 1, 1).data[0];
      const result = { width: canvas.width, height: canvas.height, left: pixel(canvas.width >> 2), right: pixel((canvas.width * 3) >> 2) };
      stream.getTracks().forEach((track) => track.stop());
      return result;
    })()`);
    expect(seen.width).toBe(640);
    expect(seen.height).toBe(360);
    expect(seen.left).toBeGreaterThan(220);
    expect(seen.right).toBeLessThan(35);
    await context.close();
  });
});
