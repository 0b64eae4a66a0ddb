import { chromiumUnavailable } from './chromium.js';

/**
 * True when this machine has no Chromium: the browser tests are then skipped with the reason printed. Under
 * CI (where `.ci/run` installs it) a missing browser is a failure, not a skip.
 */
export function skipBrowserTests(): boolean {
  const reason = chromiumUnavailable();
  if (!reason) return false;
  if (process.env.CI) throw new Error(`Browser tests cannot run under CI: ${reason}`);
  console.warn(`Skipping browser tests: ${reason}`);
  return true;
}
