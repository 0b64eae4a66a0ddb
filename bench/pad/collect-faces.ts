/**
 * Runs the face engine on every simulated capture (face-samples.ts) and writes the anti-spoofing and liveness scores
 * as JSON, for faces-run.ts to analyse. Slow (a few seconds per capture on a loaded machine), so kept apart.
 *
 *   taskset -c 1 npx tsx bench/pad/collect-faces.ts OUT.json [--save-images DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createFaceEngine } from '../../src/engines/face/index.js';
import { faceCorpusAvailable, loadFaceCorpus } from '../faces/corpus.js';
import { faceSamples } from './face-samples.js';
import type { FaceScore } from './face-scores.js';

const out = process.argv[2];
if (!out) throw new Error('usage: collect-faces.ts OUT.json [--save-images DIR]');
if (!faceCorpusAvailable()) {
  console.log('bench/pad: the shared face corpus is absent; nothing to measure.');
  process.exit(0);
}
const saveAt = process.argv.indexOf('--save-images');
const imagesDir = saveAt > 0 ? process.argv[saveAt + 1] : undefined;
if (imagesDir) mkdirSync(imagesDir, { recursive: true });

// Group photos are left out: which face is "the" face would be a guess.
const images = loadFaceCorpus().images.filter((i) => i.facesInImage === 1 && !i.identity.includes('+'));
const engine = await createFaceEngine();
const scores: FaceScore[] = [];
for await (const sample of faceSamples(images)) {
  const faces = await engine.detect(sample.jpeg);
  const face = faces[0];
  const { jpeg, ...label } = sample;
  scores.push({
    ...label,
    faces: faces.length,
    ...(face?.antispoof !== undefined && { antispoof: face.antispoof }),
    ...(face?.liveness !== undefined && { liveness: face.liveness }),
  });
  if (imagesDir) {
    writeFileSync(path.join(imagesDir, `${scores.length}-${sample.presentation}-${path.basename(sample.file)}`), jpeg);
  }
  // Written as it goes: a long run cut short still leaves its scores.
  if (scores.length % 15 === 0) {
    writeFileSync(out, JSON.stringify({ generated: new Date().toISOString(), scores }));
    console.error(`${scores.length} captures`);
  }
}
await engine.close();
writeFileSync(out, JSON.stringify({ generated: new Date().toISOString(), scores }));
console.error(`${scores.length} captures written to ${out}`);
