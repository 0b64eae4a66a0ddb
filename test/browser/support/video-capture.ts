/** The capture app's steps for a live video identification: the ID card's sides, then the selfie video. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from './catalogue.js';
import { SESSION_PATH } from './capture-e2e.js';
import { screenshot } from './screenshots.js';

/** Polls wait this long: the machines that run the suite are often busy. */
export const SLOW = { timeout: 15_000 };
/** The server's checks run the engines (their first use loads models): slow on a busy machine. */
export const CHECKED = { timeout: 90_000 };
const PROMPTS = ['turnLeft', 'turnRight', 'lookUp', 'smile', 'blink'].map((prompt) =>
  en.text(`video.prompt.${prompt}`),
);

export interface VideoSession {
  selfieVideo: { prompt: string | null; video: { contentType: string; size: number; durationMs: number } | null };
}

/** The document's sides, chosen from the files (the fake camera shows the face the video step needs). */
export async function throughTheCard(page: Page, card: Buffer, name: string): Promise<void> {
  await page.getByTestId('document-type-identityCard').click();
  await page.getByTestId('country-select').selectOption('NLD');
  await page.getByTestId('document-continue').click();
  for (const side of ['front', 'back']) {
    await page.getByTestId('file-input').setInputFiles({ name: `${side}.jpg`, mimeType: 'image/jpeg', buffer: card });
    await expect.poll(() => page.getByTestId('confirm').count(), CHECKED).toBe(1);
    if (side === 'back') await screenshot(page, name, '1-back-kept');
    await page.getByTestId('confirm').click();
  }
}

/** Records the video step on a page whose camera works, and returns what the server said about it. */
export async function recordVideo(page: Page, name: string): Promise<{ session: VideoSession; still: unknown }> {
  await expect.poll(() => page.getByTestId('video-record').isEnabled(), { timeout: 15_000 }).toBe(true);
  await screenshot(page, name, '2-video-ready');
  const videoAnswer = page.waitForResponse(
    (r) => r.url().includes(`${SESSION_PATH}/video`) && r.request().method() === 'POST',
    CHECKED,
  );
  const stillAnswer = page.waitForResponse(
    (r) => r.url().includes(`${SESSION_PATH}/images/selfie?source=camera`),
    CHECKED,
  );
  await page.getByTestId('video-record').click();
  // The prompt appears a second into the recording, in words from the catalogue.
  await expect
    .poll(async () => PROMPTS.includes((await page.getByTestId('video-prompt').textContent()) ?? ''), {
      timeout: 10_000,
    })
    .toBe(true);
  const shown = await page.getByTestId('video-prompt').textContent();
  await screenshot(page, name, '3-video-prompt');
  const still = await (await stillAnswer).json();
  const video = await videoAnswer;
  expect(video.status()).toBe(200);
  const { session } = (await video.json()) as { session: VideoSession };
  expect(shown).toBe(en.text(`video.prompt.${session.selfieVideo.prompt}`));
  return { session, still };
}
