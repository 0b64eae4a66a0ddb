import { performance } from 'node:perf_hooks';
import { createEnginePool } from '../../src/engines/pool/engine-pool.js';
import { CaptureBrowser } from '../../test/support/capture-client.js';
import { postJson } from '../shared/http.js';
import { median, percentile } from '../shared/stats.js';

export interface Timings {
  p50: number;
  p95: number;
  samples: number;
  /** What the server answered, counted by problem list ("ok" when none). */
  answers: Record<string, number>;
}

export function summarise(ms: number[], answers: string[]): Timings {
  const counted: Record<string, number> = {};
  for (const answer of answers) counted[answer] = (counted[answer] ?? 0) + 1;
  return { p50: median(ms), p95: percentile(ms, 95), samples: ms.length, answers: counted };
}

/**
 * A capture session as the end-user's browser holds it, the passport already chosen: Signicat Paper for the
 * passport photo, Signicat PictureID documentSelfie (which compares faces) for the selfie.
 */
export async function captureSession(
  baseUrl: string,
  token: string,
  step: 'front' | 'selfie',
): Promise<CaptureBrowser> {
  const provider =
    step === 'front' ? { provider: 'paper' } : { provider: 'signicatpictureid', processType: 'documentSelfie' };
  const { dossierId } = await postJson<{ dossierId: string }>(`${baseUrl}/assure/dossiers`, token, {}, 'dossier');
  const { url } = await postJson<{ url: string }>(
    `${baseUrl}/assure/dossiers/${dossierId}/capture`,
    token,
    { providers: [provider], sdk: 'capture', redirectUrl: 'https://example.com/done' },
    'start capture flow',
  );
  const browser = new CaptureBrowser(baseUrl);
  const opened = await browser.open(url);
  if (opened.status !== 200) throw new Error(`exchange: ${opened.status} ${opened.text}`);
  const { document } = opened.json<{
    document: { options: { documentType: string; countries: { iso3: string }[] }[] };
  }>();
  const passport = document.options.find((option) => option.documentType === 'passport');
  const country = passport?.countries.find((c) => c.iso3 === 'NLD') ?? passport?.countries[0];
  if (!country) throw new Error(`${provider.provider} offers no passport.`);
  const chosen = await browser.request('PUT', '/session/document', {
    documentType: 'passport',
    documentCountry: country.iso3,
  });
  if (chosen.status !== 200) throw new Error(`choose the document: ${chosen.status} ${chosen.text}`);
  return browser;
}

/**
 * `POST session/images/<step>` timed from the client over loopback: the upload, the server's decoding and
 * checks (MRZ and quality for a document side, face detection for a selfie) and storing the kept image.
 * Images are taken in turn from `images`; `warmups` calls first, not counted (the engines load their models).
 */
export async function timeUploads(
  browser: CaptureBrowser,
  step: 'front' | 'selfie',
  images: Buffer[],
  samples: number,
  warmups: number,
): Promise<Timings> {
  const ms: number[] = [];
  const answers: string[] = [];
  for (let i = 0; i < warmups + samples; i++) {
    const image = images[i % images.length]!;
    const started = performance.now();
    const response = await browser.upload(step, image, 'camera');
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`upload ${step}: ${response.status} ${response.text}`);
    if (i < warmups) continue;
    ms.push(elapsed);
    const { problems } = response.json<{ problems: { code: string }[] }>();
    answers.push(problems.length === 0 ? 'ok' : problems.map((p) => p.code).join('+'));
  }
  return summarise(ms, answers);
}

export interface EngineTimings {
  checkImage: number;
  readMrz: number;
  detectFaces: number;
}

/**
 * The engines' own time per call (medians), in a pool of `threads` worker threads like the server's, one call
 * at a time: where the upload check's time goes.
 */
export async function engineTimings(
  documents: Buffer[],
  selfies: Buffer[],
  threads: number,
  samples: number,
): Promise<EngineTimings> {
  const engines = createEnginePool({ threads });
  const time = async (run: (image: Buffer) => Promise<unknown>, images: Buffer[]) => {
    await run(images[0]!);
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await run(images[i % images.length]!);
      ms.push(performance.now() - started);
    }
    return median(ms);
  };
  try {
    return {
      checkImage: await time((image) => engines.checkImage(image), documents),
      readMrz: await time((image) => engines.readMrz(image), documents),
      detectFaces: selfies.length ? await time((image) => engines.detectFaces(image), selfies) : Number.NaN,
    };
  } finally {
    await engines.close();
  }
}
