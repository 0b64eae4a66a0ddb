import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../../support/test-server.js';
import { passportCamera } from './capture-documents.js';
import { startCaptureServer } from './capture-e2e.js';
import { launchChromium } from './chromium.js';
import { startRedirectTarget, type RedirectTarget } from './redirect-target.js';

/** What a capture suite runs against: the real server, the integrator's redirect target, and Chromium. */
export interface CaptureRig {
  /** A temporary folder of the suite's own (fake-camera files and the like), removed by close(). */
  dir: string;
  server: TestServer;
  browser: Browser;
  target: RedirectTarget;
  close(): Promise<void>;
}

/** The rig with Chromium's fake camera showing a synthetic passport. */
export async function startCaptureRig(name: string): Promise<CaptureRig> {
  const dir = await mkdtemp(path.join(tmpdir(), `openassure-${name}-`));
  const server = await startCaptureServer();
  const target = await startRedirectTarget();
  const browser = await launchChromium({ fakeCamera: await passportCamera(dir, 'passport') });
  return {
    dir,
    server,
    browser,
    target,
    async close() {
      await browser.close();
      await target.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
