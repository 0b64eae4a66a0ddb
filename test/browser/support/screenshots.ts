import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts/capture');

const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '');

/** Keeps what a person would see at this step: test-artifacts/capture/<test>/<step>.png (gitignored). */
export async function screenshot(page: Page, test: string, step: string): Promise<string> {
  const dir = path.join(ARTIFACTS_DIR, safe(test));
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${safe(step)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
