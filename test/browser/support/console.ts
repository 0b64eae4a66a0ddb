import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createOperator, type OperatorOptions } from '../../support/console-client.js';
import type { StoreKind } from '../../support/stores.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../../support/test-server.js';
import { axeViolations, newAxeContext } from './axe.js';
import { buildConsoleApp } from './build.js';
import { totpCode } from './console-totp.js';
import { PageGuard } from './guard.js';
import { screenshot } from './screenshots.js';

/**
 * `expect.poll` with room for a loaded machine: a write goes through the server (a password hash, a job)
 * before the page can show its result, which can take longer than the default second.
 */
export const poll = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });

/** An operator's laptop. */
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB' };

export const SESSION_PATH = '/console/api/session';

/**
 * The real server with the console app built from the current sources and a worker (verifications finish,
 * webhooks go out to loopback receivers).
 */
export async function startConsoleServer(
  extraEnv: Record<string, string> = {},
  app: TestServerOptions['app'] = undefined,
  kind: StoreKind = 'sqlite',
): Promise<TestServer> {
  return startTestServer(
    kind,
    {
      OPENASSURE_CONSOLE_APP_DIR: await buildConsoleApp(),
      OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true',
      OPENASSURE_ENGINE_THREADS: '1',
      ...extraEnv,
    },
    { worker: true, publicPort: true, app },
  );
}

export interface ConsolePage {
  page: Page;
  guard: PageGuard;
  close(): Promise<void>;
}

/**
 * A fresh browser (its own cookies) at the console's sign-in page, under the guard. The first page load
 * asks for the current session and is told 401: that one is expected.
 */
export async function openConsole(server: TestServer, browser: Browser, options = LAPTOP): Promise<ConsolePage> {
  const context = await browser.newContext(options);
  const guard = await PageGuard.attach(context);
  guard.expectFailedResponse(SESSION_PATH, 401);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/`);
  await page.getByTestId('login-email').waitFor();
  return { page, guard, close: () => context.close() };
}

/** Email and password typed in as a person does. */
export async function typeCredentials(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export interface SignedIn extends ConsolePage {
  email: string;
  password: string;
}

/** A new operator of this role, signed in through the page (no TOTP unless it is required). */
export async function signedIn(server: TestServer, browser: Browser, options: OperatorOptions): Promise<SignedIn> {
  const operator = await createOperator(server, options);
  const opened = await openConsole(server, browser);
  await typeCredentials(opened.page, operator.email, operator.password);
  await opened.page.getByTestId('nav-overview').waitFor();
  return { ...opened, ...operator };
}

/** The code the operator's authenticator shows now, by the server's clock. */
export const codeNow = (server: TestServer, secret: string) => totpCode(secret, server.clock.now());

/** The page's `<h1>`. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Goes to a console page by its nav link and waits for its heading. */
export async function navigate(page: Page, nav: string, title: string | RegExp): Promise<void> {
  await page.getByTestId(`nav-${nav}`).click();
  await poll(() => heading(page).textContent()).toMatch(title);
}

/**
 * What the operator sees at `hash`, checked by axe (WCAG 2.2 AA) in a context of its own (axe is injected,
 * which the page's CSP rightly refuses), signed in with the same cookie; and a screenshot of it.
 */
export async function checkPage(
  browser: Browser,
  page: Page,
  name: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<void> {
  await screenshot(page, 'console-pages', name);
  const context = await newAxeContext(browser, LAPTOP);
  try {
    await context.addCookies(await page.context().cookies());
    const copy = await context.newPage();
    await copy.goto(page.url());
    await ready(copy);
    expect(await axeViolations(copy), name).toEqual([]);
  } finally {
    await context.close();
  }
}
