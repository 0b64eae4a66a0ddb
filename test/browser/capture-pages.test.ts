import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import { axeViolations, newAxeContext, type AxeViolation } from './support/axe.js';
import { Catalogue, en } from './support/catalogue.js';
import { DESKTOP, guardedPage, heading, PHONE, SESSION_PATH, startCapture } from './support/capture-e2e.js';
import { PageGuard } from './support/guard.js';
import type { RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';
import { startCaptureRig, type CaptureRig } from './support/capture-rig.js';

const LANGUAGES = ['en', 'nb', 'sv', 'da', 'fi', 'nl', 'de', 'fr', 'es', 'pt', 'it', 'pl', 'cs', 'el', 'ar'];
const RIGHT_TO_LEFT = new Set(['ar']);
const CAMERA_PHONE = { ...PHONE, permissions: ['camera'] };
/** Every screen the configuration can show, so that each one is seen. */
const ALL_SCREENS = {
  showPrerequisitesScreen: true,
  showConsentPage: true,
  showDocumentInstructionsScreen: true,
  showAccessibilityLink: true,
};

/** What the page says, line by line, as a person reads it. */
async function linesOf(page: Page): Promise<string[]> {
  const text = await page.evaluate<string>('document.body.innerText');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe.skipIf(skipBrowserTests())('the capture pages in every language and for axe, against the real server', () => {
  let rig: CaptureRig | undefined;
  let server: TestServer;
  let browser: Browser;
  let target: RedirectTarget;

  beforeAll(async () => {
    rig = await startCaptureRig('pages');
    ({ server, browser, target } = rig);
  });

  afterAll(() => rig?.close());

  const start = (parameters: Record<string, unknown> = {}, provider: Record<string, unknown> = { provider: 'paper' }) =>
    startCapture(server.api, {
      providers: [provider],
      sdk: provider.provider === 'paper' ? 'capture' : 'native',
      redirectUrl: target.url,
      captureParameters: parameters,
    });

  it('renders the first steps of every language in that language, with lang and dir set, Arabic right to left', async () => {
    const { keys } = en;
    for (const language of LANGUAGES) {
      const { context, guard, page } = await guardedPage(browser, PHONE);
      const own = Catalogue.of(language);
      // English sentences this language translates: seeing one means a key fell back to English.
      const english = new Set(keys.filter((key) => own.text(key) !== en.text(key)).map((key) => en.text(key)));
      const started = await start({ uiLanguage: language, uiProfileJSON: { ...ALL_SCREENS, languages: [language] } });
      await page.goto(started.url);
      const steps = [
        { title: 'prerequisites.title', next: 'capture-start' },
        { title: 'consent.title', next: 'consent-accept' },
        { title: 'document.title', next: null },
      ];
      for (const step of steps) {
        await expect.poll(() => heading(page).textContent()).toBe(own.text(step.title));
        expect(await page.evaluate('document.documentElement.lang')).toBe(language);
        expect(await page.evaluate('document.documentElement.dir')).toBe(RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr');
        const lines = await linesOf(page);
        expect(lines.filter((line) => keys.includes(line) || /\{\w+\}/.test(line))).toEqual([]);
        expect(lines.filter((line) => english.has(line))).toEqual([]);
        await screenshot(page, `language-${language}`, step.title.split('.')[0]!);
        if (step.next) await page.getByTestId(step.next).click();
      }
      guard.assertClean();
      await context.close();
    }
  });

  describe('axe-core, WCAG 2.2 AA', () => {
    let found: Record<string, AxeViolation[]> = {};

    beforeEach(() => {
      found = {};
    });

    // Reported once per test for all its steps, so one run shows every violation.
    afterEach(() => {
      expect(found).toEqual({});
    });

    /** Runs axe on the page as it is and keeps what it finds under `step`. */
    async function check(page: Page, step: string) {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[step] = violations;
    }

    async function axePage(options: BrowserContextOptions) {
      // axe is injected as a script, so these contexts bypass the CSP; the other tests check it.
      const context = await newAxeContext(browser, options);
      const guard = await PageGuard.attach(context);
      return { context, guard, page: await context.newPage() };
    }

    it('finds no violation on any step of the flow, the done dialog included', async () => {
      const started = await start({ uiProfileJSON: ALL_SCREENS });
      const { context, guard, page } = await axePage(CAMERA_PHONE);
      await page.goto(started.url);
      await expect.poll(() => page.getByTestId('capture-start').count()).toBe(1);
      await check(page, 'prerequisites');
      await page.getByTestId('capture-start').click();
      await expect.poll(() => page.getByTestId('consent-accept').count()).toBe(1);
      await check(page, 'consent');
      await page.getByTestId('consent-accept').click();
      await expect.poll(() => page.getByTestId('document-type-passport').count()).toBe(1);
      await check(page, 'document choice');
      await page.getByTestId('document-type-passport').click();
      await check(page, 'document choice, country');
      await page.getByTestId('country-select').selectOption('NLD');
      await page.getByTestId('document-continue').click();
      await expect.poll(() => page.getByTestId('instructions-continue').count()).toBe(1);
      await check(page, 'instructions');
      await page.getByTestId('instructions-continue').click();
      await expect.poll(() => page.getByTestId('shutter').isEnabled(), { timeout: 15_000 }).toBe(true);
      await check(page, 'capture, camera');
      await page.getByTestId('shutter').click();
      await expect.poll(() => page.getByTestId('confirm').count(), { timeout: 30_000 }).toBe(1);
      await check(page, 'capture, photo kept');
      await page.getByTestId('confirm').click();
      await expect.poll(() => page.getByTestId('finish').count()).toBe(1);
      await check(page, 'review');
      await page.getByRole('button', { name: en.text('app.accessibilityLink') }).click();
      await check(page, 'accessibility statement');
      await page.getByRole('button', { name: en.text('app.back') }).click();
      await expect.poll(() => page.getByTestId('cancel').count()).toBe(1);
      await page.getByTestId('cancel').click();
      await check(page, 'cancel question');
      await page.getByTestId('cancel-keep').click();
      await page.getByTestId('finish').click();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
      await check(page, 'done dialog');
      guard.assertClean();
      await context.close();
    });

    it('finds no violation on the handover page, the sandbox provider page and the error pages', async () => {
      const desktop = await axePage(DESKTOP);
      await desktop.page.goto((await start()).url);
      await expect.poll(() => desktop.page.getByTestId('handover-qr').isVisible()).toBe(true);
      await check(desktop.page, 'handover');
      desktop.guard.assertClean();
      await desktop.context.close();

      const sandbox = await axePage(PHONE);
      await sandbox.page.goto((await start({}, { provider: 'eid', processType: 'substantial' })).url);
      await expect.poll(() => sandbox.page.getByTestId('sandbox-scenario-eid-expired-document').count()).toBe(1);
      await check(sandbox.page, 'sandbox provider page');
      sandbox.guard.assertClean();
      await sandbox.context.close();

      const used = await start();
      const first = await axePage(PHONE);
      await first.page.goto(used.url);
      await expect.poll(() => first.page.getByTestId('document-type-passport').count()).toBe(1);
      await first.context.close();
      const errors = await axePage(PHONE);
      errors.guard.expectFailedResponse(SESSION_PATH, 410);
      errors.guard.expectFailedResponse(SESSION_PATH, 404);
      errors.guard.expectFailedResponse(SESSION_PATH, 401);
      const pages = [
        { name: 'error, link used', url: used.url },
        { name: 'error, link invalid', url: `${server.baseUrl}/assure/capture/#/artifact=${'A'.repeat(43)}` },
        { name: 'error, no session', url: `${server.baseUrl}/assure/capture/` },
      ];
      for (const { name, url } of pages) {
        await errors.page.goto(url);
        await expect.poll(() => errors.page.getByTestId('error-message').count()).toBe(1);
        await check(errors.page, name);
      }
      const expired = await start();
      const now = server.clock.now();
      server.clock.advance(31 * 60_000);
      try {
        await errors.page.goto(expired.url);
        await expect
          .poll(() => errors.page.getByTestId('error-message').textContent())
          .toBe(en.text('error.linkExpired.body'));
      } finally {
        server.clock.set(now);
      }
      await check(errors.page, 'error, link expired');
      errors.guard.assertClean();
      await errors.context.close();
    });
  });
});
