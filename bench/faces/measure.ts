import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DetectedFace, FaceEngine } from '../../src/engines/face/index.js';
import type { CorpusImage, LabelledPair } from './corpus.js';

export interface ImageMeasure {
  image: CorpusImage;
  faces: DetectedFace[];
  ms: number;
}

export interface PairMeasure {
  pair: LabelledPair;
  similarity: number;
  missingFace: string;
  /** Wall time of engine.compare (decoding included). */
  ms: number;
  /** CPU time of this process during the call (user + system), all threads. */
  cpuMs: number;
}

/** Detects every image once: the embeddings give the similarity of every pair without detecting again. */
export async function measureImages(engine: FaceEngine, images: readonly CorpusImage[]): Promise<ImageMeasure[]> {
  const measures: ImageMeasure[] = [];
  for (const image of images) {
    const bytes = readFileSync(image.path);
    const started = performance.now();
    const faces = await engine.detect(bytes);
    measures.push({ image, faces, ms: performance.now() - started });
  }
  return measures;
}

/** Times engine.compare on each pair, one at a time, as a verification job would call it. */
export async function measurePairs(engine: FaceEngine, pairs: readonly LabelledPair[]): Promise<PairMeasure[]> {
  const measures: PairMeasure[] = [];
  for (const pair of pairs) {
    const a = readFileSync(pair.a.path);
    const b = readFileSync(pair.b.path);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await engine.compare(a, b);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    measures.push({
      pair,
      similarity: result.similarity,
      missingFace: result.missingFace,
      ms,
      cpuMs: (used.user + used.system) / 1000,
    });
  }
  return measures;
}
