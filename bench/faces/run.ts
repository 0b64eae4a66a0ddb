/**
 * Face engine calibration and speed: first the embedders compared on the same detected faces (embedders.ts, in a
 * worker thread), then the engine itself: similarity of every pair of the shared face corpus, the ROC, the equal
 * error rate, FAR/FRR at each threshold thresholds.ts ships, and time per pair. Prints markdown.
 *
 *   taskset -c 1 npx tsx bench/faces/run.ts [--no-compare] [--scores FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { cosineSimilarity, createFaceEngine, euclideanDistance, faceSimilarity } from '../../src/engines/face/index.js';
import { describeRun } from '../shared/machine.js';
import { fixed, percentile } from '../shared/stats.js';
import {
  crossValidation,
  embedderTable,
  identityDisjointHeadline,
  rocTable,
  shippedTable,
  suggestedThresholds,
  summaryTable,
  type EmbedderRow,
  type PairSet,
} from './analyse.js';
import { faceCorpusAvailable, loadFaceCorpus, type CorpusImage, type LabelledPair } from './corpus.js';
import { TIME_KEYS, VARIANTS, type EmbedderResults, type Variant } from './embedders.js';
import { measureImages, measurePairs, type ImageMeasure } from './measure.js';

if (!faceCorpusAvailable()) {
  console.log(
    'bench/faces: the shared face corpus (../shared/corpus/images/faces/faces.json) is absent; nothing to measure.',
  );
  process.exit(0);
}

const corpus = loadFaceCorpus();

/** Runs embedders.ts in a worker thread and waits for it to finish, so that it does not overlap the timing below. */
function computeEmbeddingsInWorker(images: readonly CorpusImage[]): Promise<EmbedderResults> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./embedders-worker.mjs', import.meta.url), { workerData: { images } });
    worker.once('message', (results: EmbedderResults) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedders worker exited with ${code}`)));
  });
}

const unit = (v: readonly number[]): number[] => {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};

/** A variant's similarity for a pair: clamped cosine, or the engine's distance-based similarity. */
function variantSimilarity(results: EmbedderResults, variant: Variant, pair: LabelledPair): number {
  const embedding = (file: string): number[] | undefined => {
    const found = results.embeddings[file];
    const parts = variant.keys.map((key) => found?.[key]);
    if (parts.some((p) => p === undefined)) return undefined;
    const vectors = (parts as number[][]).map((p) => (variant.metric === 'cosine' ? unit(p) : p));
    return vectors[0]!.map((_, i) => vectors.reduce((sum, v) => sum + v[i]!, 0) / vectors.length);
  };
  const a = embedding(pair.a.file);
  const b = embedding(pair.b.file);
  if (!a || !b) return 0;
  return variant.metric === 'cosine' ? Math.min(1, Math.max(0, cosineSimilarity(a, b))) : faceSimilarity(a, b);
}

const comparison = process.argv.includes('--no-compare') ? undefined : await computeEmbeddingsInWorker(corpus.images);
const embedderRows: EmbedderRow[] = (comparison ? VARIANTS : []).map((variant) => {
  const score = (pair: LabelledPair) => ({
    pair,
    same: pair.same,
    similarity: variantSimilarity(comparison!, variant, pair),
  });
  return {
    name: variant.name,
    metric: variant.metric === 'cosine' ? 'cosine' : '1 - distance / 1.2',
    note: variant.note,
    labelled: { name: 'labelled', pairs: corpus.labelled.map(score) },
    all: { name: 'all', pairs: corpus.allPairs.map(score) },
    msPerRun: percentile(comparison!.times[TIME_KEYS[variant.time]] ?? [], 50),
    runs: variant.keys.length,
  };
});

const loadStarted = performance.now();
const engine = await createFaceEngine();
const loadMs = performance.now() - loadStarted;

const imageMeasures = await measureImages(engine, corpus.images);
const byFile = new Map(imageMeasures.map((m) => [m.image.file, m]));

// One untimed comparison first, so that no pair pays for kernels the image pass did not exercise.
const first = corpus.labelled[0]!;
await engine.compare(readFileSync(first.a.path), readFileSync(first.b.path));
const pairMeasures = await measurePairs(engine, corpus.labelled);
const rssMb = process.memoryUsage().rss / 2 ** 20;
await engine.close();

/** Similarity from the per-image embeddings; must equal what compare() returned for the labelled pairs. */
function embeddingSimilarity(pair: LabelledPair): number {
  const a = byFile.get(pair.a.file)?.faces[0];
  const b = byFile.get(pair.b.file)?.faces[0];
  return a && b ? faceSimilarity(a.embedding, b.embedding) : 0;
}
const drift = Math.max(...pairMeasures.map((m) => Math.abs(m.similarity - embeddingSimilarity(m.pair))));
/** The largest descriptor distance over all pairs: how often the similarity's clamp at 0 bites. */
const largestDistance = Math.max(
  ...corpus.allPairs.map((pair) => {
    const a = byFile.get(pair.a.file)?.faces[0];
    const b = byFile.get(pair.b.file)?.faces[0];
    return a && b ? euclideanDistance(a.embedding, b.embedding) : 0;
  }),
);

const labelled: PairSet = { name: 'labelled', pairs: pairMeasures.map((m) => ({ ...m, same: m.pair.same })) };
const all: PairSet = {
  name: 'all',
  pairs: corpus.allPairs.map((pair) => ({ pair, same: pair.same, similarity: embeddingSimilarity(pair) })),
};

const detectionMisses = imageMeasures.filter((m: ImageMeasure) => m.faces.length !== m.image.facesInImage);
const missing = pairMeasures.filter((m) => m.missingFace !== 'none');
const pairMs = pairMeasures.map((m) => m.ms);
const pairCpu = pairMeasures.map((m) => m.cpuMs);
const imageMs = imageMeasures.map((m) => m.ms);

const shippedVariant = embedderRows.find((row) => row.note.includes('**shipped**'));
const comparisonDrift = shippedVariant
  ? Math.max(...shippedVariant.all.pairs.map((p, i) => Math.abs(p.similarity - all.pairs[i]!.similarity)))
  : Number.NaN;

const out = [
  '### Run',
  '',
  ...describeRun(),
  `- engine load (models from the installed packages, WASM compile, warm-up): ${fixed(loadMs, 0)} ms; RSS after the run ${fixed(rssMb, 0)} MiB`,
  '',
  '### Headline: identity-disjoint (all pairs)',
  '',
  'Identities split alternately in sorted order; a threshold chosen on the pairs of one half is measured on the',
  'pairs of the other, both ways, and the two measured halves are pooled. Pairs across the halves are left out.',
  '',
  ...identityDisjointHeadline(all),
  '',
  ...(comparison
    ? [
        '### Embedders compared (same detected faces, largest face of each image)',
        '',
        'EERs and the two-fold check as defined below; ms per face: median over the corpus faces, one run of the crop',
        'and the model (mirror variants run twice).',
        '',
        ...embedderTable(embedderRows),
        '',
        `Largest |shipped variant - engine| similarity over all pairs: ${comparisonDrift.toExponential(1)}.`,
        '',
      ]
    : []),
  '### Separation',
  '',
  '`labelled` = the pairs faces.json lists. `all` = every pair of the single-person images, labelled by identity',
  '(it contains the labelled pairs). Pairs share images, so they are not independent samples.',
  '',
  ...summaryTable([labelled, all]),
  '',
  `Largest |compare() similarity - per-image embedding similarity| over the labelled pairs: ${drift.toExponential(1)}.`,
  `Largest descriptor distance over all pairs: ${largestDistance.toFixed(3)}.`,
  `Labelled pairs with a face missing: ${missing.length}${missing.map((m) => ` (${m.pair.a.file} / ${m.pair.b.file}: ${m.missingFace})`).join('')}.`,
  `Images where the count of faces found differs from faces.json: ${detectionMisses.length}` +
    detectionMisses
      .map((m) => ` (${m.image.file}: ${m.faces.length} found, ${m.image.facesInImage} expected)`)
      .join(''),
  '',
  '### Shipped thresholds (src/engines/face/thresholds.ts)',
  '',
  ...shippedTable([labelled, all]),
  '',
  '### ROC at round thresholds',
  '',
  ...rocTable([labelled, all]),
  '',
  '### Identity-disjoint two-fold check (all pairs)',
  '',
  ...crossValidation(all),
  '',
  '### Thresholds the data suggests',
  '',
  ...suggestedThresholds(all),
  '',
  '### Time',
  '',
  '| measure | n | p50 ms | p95 ms | max ms |',
  '| --- | ---: | ---: | ---: | ---: |',
  `| compare(a, b), wall (2 decodes + 2 detections + similarity) | ${pairMs.length} | ${fixed(percentile(pairMs, 50), 0)} | ${fixed(percentile(pairMs, 95), 0)} | ${fixed(Math.max(...pairMs), 0)} |`,
  `| compare(a, b), CPU time of the process | ${pairCpu.length} | ${fixed(percentile(pairCpu, 50), 0)} | ${fixed(percentile(pairCpu, 95), 0)} | ${fixed(Math.max(...pairCpu), 0)} |`,
  `| detect(image), wall | ${imageMs.length} | ${fixed(percentile(imageMs, 50), 0)} | ${fixed(percentile(imageMs, 95), 0)} | ${fixed(Math.max(...imageMs), 0)} |`,
];
console.log(out.join('\n'));

// `--scores FILE` keeps every pair's similarity for analysis outside the repository.
const scoresAt = process.argv.indexOf('--scores');
if (scoresAt > 0 && process.argv[scoresAt + 1]) {
  const rows = (set: PairSet) =>
    set.pairs.map((p) => ({ a: p.pair.a.file, b: p.pair.b.file, same: p.same, similarity: p.similarity }));
  writeFileSync(process.argv[scoresAt + 1]!, JSON.stringify({ labelled: rows(labelled), all: rows(all) }));
}
