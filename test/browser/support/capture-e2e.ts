import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { ApiClient } from '../../support/api-client.js';
import type { StoreKind } from '../../support/stores.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { buildCaptureApp } from './build.js';
import { PageGuard } from './guard.js';

/** A phone as the capture page sees one: narrow, touch, mobile user agent hints. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
};

/** A laptop: wide, a mouse, no touch; the capture page offers it the handover to a phone. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB' };

export const SESSION_PATH = '/assure/capture/api/session';

/**
 * The real server with the capture app built from the current sources, a worker (verifications finish), and
 * links that carry the server's real port, so the browser opens them exactly as an end-user would.
 */
export async function startCaptureServer(kind: StoreKind = 'sqlite'): Promise<TestServer> {
  return startTestServer(
    kind,
    { OPENASSURE_CAPTURE_APP_DIR: await buildCaptureApp(), OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' },
    { worker: true, publicPort: true },
  );
}

export interface StartedCapture {
  url: string;
  dossierId: string;
  processId: string;
}

/** What an integrator does: a dossier, then Start capture flow; the process is read back from the dossier. */
export async function startCapture(
  api: ApiClient,
  body: Record<string, unknown>,
  options: { scenario?: string } = {},
): Promise<StartedCapture> {
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  const headers: Record<string, string> = options.scenario ? { 'x-sandbox-scenario': options.scenario } : {};
  const started = await api.post(`/assure/dossiers/${dossierId}/capture`, body, { headers });
  if (started.status !== 201) throw new Error(`Start capture flow: ${started.status} ${started.text()}`);
  const dossier = (await api.get(`/assure/dossiers/${dossierId}`)).json<{ processes: { processId: string }[] }>();
  const [process] = dossier.processes;
  if (!process) throw new Error('Start capture flow made no process.');
  return { url: started.json<{ url: string }>().url, dossierId, processId: process.processId };
}

export interface ProcessState {
  status: string;
  depictions?: string[];
  failReason?: { type: string };
}

/** The process as the integrator reads it, once `done` says it has got where it should. */
export async function waitForProcess(
  api: ApiClient,
  started: Pick<StartedCapture, 'dossierId' | 'processId'>,
  done: (process: ProcessState) => boolean,
  timeoutMs = 60_000,
): Promise<ProcessState> {
  const path = `/assure/dossiers/${started.dossierId}/processes/${started.processId}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const process = (await api.get(path)).json<ProcessState>();
    if (done(process)) return process;
    if (Date.now() > deadline) throw new Error(`The process stayed ${process.status}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface GuardedPage {
  context: BrowserContext;
  guard: PageGuard;
  page: Page;
}

/** A fresh browser context (its own cookies: another browser, as far as the server knows) under the guard. */
export async function guardedPage(browser: Browser, options: BrowserContextOptions = PHONE): Promise<GuardedPage> {
  const context = await browser.newContext(options);
  const guard = await PageGuard.attach(context);
  const page = await context.newPage();
  return { context, guard, page };
}

/** The document choice as a person makes it: the type, then the country from the list, then continue. */
export async function choosePassport(page: Page, country = 'NLD'): Promise<void> {
  await page.getByTestId('document-type-passport').click();
  await page.getByTestId('country-select').selectOption(country);
  await page.getByTestId('document-continue').click();
}

/** The page's `<h1>`, which every step has. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

export interface SentPhoto {
  url: string;
  body: Buffer;
  /** What the server answered (the UploadResult). */
  answer: Promise<{ accepted: boolean; problems: { code: string }[] }>;
}

/** Records every photo the page sends (`POST session/images/...`) as it leaves, and what the server answers. */
export function recordPhotos(page: Page): SentPhoto[] {
  const sent: SentPhoto[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.startsWith(`${SESSION_PATH}/images/`)) return;
    const answer = request.response().then(async (response) => {
      if (!response) throw new Error(`No answer to ${request.url()}`);
      return (await response.json()) as Awaited<SentPhoto['answer']>;
    });
    sent.push({ url: request.url(), body: request.postDataBuffer() ?? Buffer.alloc(0), answer });
  });
  return sent;
}
