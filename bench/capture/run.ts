/**
 * The hosted capture app: what it weighs, how soon its first step is usable on a slow phone, and how long
 * the server's check of an uploaded photo takes.
 *
 *   npx tsx bench/capture/run.ts [--runs 7] [--samples 30] [--warmups 3]
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { buildCaptureApp } from '../../test/browser/support/build.js';
import { chromiumUnavailable, launchChromium } from '../../test/browser/support/chromium.js';
import { passportScene } from '../../test/browser/support/capture-documents.js';
import { CaptureBrowser } from '../../test/support/capture-client.js';
import { startChild } from '../shared/child.js';
import { postJson } from '../shared/http.js';
import { describeRun } from '../shared/machine.js';
import type { OpenAssureServerInfo, OpenAssureServerSettings } from '../shared/openassure-server.js';
import { median } from '../shared/stats.js';
import { openBenchStore } from '../shared/stores.js';
import { buildSizes, type Sizes } from './bundle-size.js';
import { loadOnce, MOBILE_PROFILE, type PageLoad } from './page-load.js';
import { captureSession, engineTimings, timeUploads, type Timings } from './upload-check.js';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    samples: { type: 'string', default: '30' },
    warmups: { type: 'string', default: '3' },
  },
});
const runs = Number(flags.runs);
const samples = Number(flags.samples);
const warmups = Number(flags.warmups);
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const corpusDir = process.env.OPENASSURE_CORPUS ?? path.resolve(here('.'), '../../../shared/corpus');
/** The first control of the first step a phone sees with upstream's default configuration. */
const FIRST_CONTROL = '[data-testid="document-type-passport"]';
const GOAL_MS = 500;

const unavailable = chromiumUnavailable();
if (unavailable) throw new Error(unavailable);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : 'n/a');

/** Selfies: single-face photos of the shared corpus, one per identity, as a phone's front camera frames them. */
async function selfies(count: number): Promise<Buffer[]> {
  const index = path.join(corpusDir, 'images/faces/faces.json');
  if (!existsSync(index)) return [];
  const { images } = JSON.parse(readFileSync(index, 'utf8')) as {
    images: { file: string; identity: string; facesInImage: number }[];
  };
  const seen = new Set<string>();
  const photos: Buffer[] = [];
  for (const image of images) {
    if (image.facesInImage !== 1 || seen.has(image.identity) || photos.length === count) continue;
    seen.add(image.identity);
    photos.push(
      await sharp(readFileSync(path.join(corpusDir, image.file)))
        .rotate()
        .resize({ width: 1080, height: 1440, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
  }
  return photos;
}

const distDir = await buildCaptureApp();
const built = await buildSizes(distDir);

const store = await openBenchStore('sqlite', { label: 'capture' });
const settings: OpenAssureServerSettings = {
  env: { ...store.env, OPENASSURE_CAPTURE_APP_DIR: distDir },
  worker: true,
};
const server = await startChild<OpenAssureServerInfo>(here('../shared/openassure-server.ts'), settings);
const baseUrl = `http://127.0.0.1:${server.info.port}`;
const { token } = server.info;
let first: PageLoad | undefined;
const fast: number[] = [];
const slow: number[] = [];
let front: Timings;
let selfie: Timings | undefined;
let engines: Awaited<ReturnType<typeof engineTimings>>;
try {
  // A fresh link per load: each is a person opening their link on a phone for the first time.
  const newLink = async () => {
    const { dossierId } = await postJson<{ dossierId: string }>(`${baseUrl}/assure/dossiers`, token, {}, 'dossier');
    const { url } = await postJson<{ url: string }>(
      `${baseUrl}/assure/dossiers/${dossierId}/capture`,
      token,
      { providers: [{ provider: 'paper' }], sdk: 'capture', redirectUrl: 'https://example.com/done' },
      'start capture flow',
    );
    // The server's public URL has no port here; the token is what matters.
    return `${baseUrl}/assure/capture/#/artifact=${CaptureBrowser.artifactOf(url)}`;
  };
  const browser = await launchChromium();
  try {
    for (let i = 0; i < runs; i++) {
      const load = await loadOnce(browser, await newLink(), FIRST_CONTROL, { throttled: false });
      first ??= load;
      fast.push(load.usableMs);
      slow.push((await loadOnce(browser, await newLink(), FIRST_CONTROL, { throttled: true })).usableMs);
      process.stderr.write(`page load ${i + 1}/${runs}: ${ms(fast.at(-1)!)} ms, throttled ${ms(slow.at(-1)!)} ms\n`);
    }
  } finally {
    await browser.close();
  }

  const documents = await Promise.all([3, 5, 8, 13, 21].map((seed) => passportScene(undefined, { seed })));
  const documentJpegs = await Promise.all(documents.map((image) => sharp(image).jpeg({ quality: 90 }).toBuffer()));
  const faces = await selfies(6);
  front = await timeUploads(await captureSession(baseUrl, token, 'front'), 'front', documentJpegs, samples, warmups);
  process.stderr.write(`front: p50 ${ms(front.p50)} ms\n`);
  if (faces.length) {
    selfie = await timeUploads(await captureSession(baseUrl, token, 'selfie'), 'selfie', faces, samples, warmups);
    process.stderr.write(`selfie: p50 ${ms(selfie.p50)} ms\n`);
  }
  const threads = Math.max(1, Math.min(4, os.availableParallelism()));
  engines = await engineTimings(documentJpegs, faces, threads, 10);
} finally {
  await server.stop();
  await store.cleanup();
}

const firstSizes: Sizes = first?.sizes ?? { js: 0, css: 0, files: 0 };
const answers = (timings: Timings) =>
  Object.entries(timings.answers)
    .map(([answer, count]) => `${answer} ${count}`)
    .join(', ');
const uploadRow = (what: string, timings: Timings) =>
  `| ${what} | ${ms(timings.p50)} | ${ms(timings.p95)} | ${timings.samples} | ${answers(timings)} |`;
const goalMet = (timings: Timings) => (timings.p50 < GOAL_MS ? 'met' : '**not met**');

console.log(
  [
    '## bench/capture: the capture app and the upload check',
    '',
    ...describeRun(),
    `- app build: ${built.files} JavaScript and CSS files; a fresh link and a fresh browser context (empty cache) per page load`,
    '',
    '| bytes (gzip -9) | JavaScript | CSS |',
    '| --- | ---: | ---: |',
    `| the whole build (every language) | ${kb(built.js)} | ${kb(built.css)} |`,
    `| loaded until the first step is usable (English) | ${kb(firstSizes.js)} | ${kb(firstSizes.css)} |`,
    '',
    `Time until the first step (document choice) is usable, from the start of navigation, median of ${runs}:`,
    '',
    '| profile | median ms | runs (ms) |',
    '| --- | ---: | --- |',
    `| unthrottled (loopback) | ${ms(median(fast))} | ${fast.map(ms).join(', ')} |`,
    `| CPU ${MOBILE_PROFILE.cpuSlowdown}x slower, ${MOBILE_PROFILE.latencyMs} ms RTT, ${MOBILE_PROFILE.downloadBitsPerSecond / 1e6} Mbps down, ${MOBILE_PROFILE.uploadBitsPerSecond / 1e3} kbps up | ${ms(median(slow))} | ${slow.map(ms).join(', ')} |`,
    '',
    `Upload check, \`POST /assure/capture/api/session/images/{step}?source=camera\` over loopback, after ${warmups} warm-up calls (goal: p50 < ${GOAL_MS} ms):`,
    '',
    '| photo | p50 ms | p95 ms | samples | server said |',
    '| --- | ---: | ---: | ---: | --- |',
    uploadRow('front: synthetic passport on a desk, 1920x1080 JPEG (MRZ read + quality checks)', front),
    ...(selfie
      ? [uploadRow('selfie: a single-face corpus photo, at most 1080x1440 JPEG (face detection)', selfie)]
      : []),
    '',
    `Goal: front ${goalMet(front)}${selfie ? `, selfie ${goalMet(selfie)}` : ' (no corpus: no selfie figures)'}.`,
    '',
    "The engines alone (median ms per call, one call at a time, the server's pool size):",
    '',
    '| checkImage (front) | readMrz (front) | detectFaces (selfie) |',
    '| ---: | ---: | ---: |',
    `| ${ms(engines.checkImage)} | ${ms(engines.readMrz)} | ${ms(engines.detectFaces)} |`,
  ].join('\n'),
);
