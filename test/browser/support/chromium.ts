import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser of their own. */
export const CHROMIUM_PATH = process.env.OPENASSURE_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. */
export function chromiumUnavailable(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium, or set OPENASSURE_CHROMIUM).`;
}

// Headless, sandbox off (tests run as root), and nothing that phones home: without the background-networking
// and component flags Chromium keeps trying to reach Google, which the network guard would (rightly) flag.
const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Absolute path of a .y4m file the fake camera plays (in a loop); without it there is no camera at all. */
  fakeCamera?: string;
}

/**
 * One Chromium. Playwright gives every launch a fresh temporary profile (user-data dir), so nothing carries
 * over between launches. The fake-camera file is per process: a test that needs another picture launches
 * another browser.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = [...BASE_FLAGS];
  if (options.fakeCamera) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeCamera}`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}
