/**
 * The embedders bench/faces compares, computed on the faces the engine's detector finds: human's `faceres` (the
 * engine's embedder until 2026-11-22) on human's own crop, on crops aligned by the landmarks, and with mirror
 * averaging; face-api's recognition net (dlib's ResNet) on a plain box crop, on the aligned chip (what the engine
 * ships) and with mirror averaging.
 *
 * Runs in a worker thread (embedders-worker.mjs): human keeps its models in module state, so a second human
 * instance with another configuration must not share a module registry with the engine that run.ts times.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CHIP_SIZE, chipTransform, extractChip, type SimilarityTransform } from '../../src/engines/face/align.js';
import { hasLandmarks, MIN_FACE_SCORE } from '../../src/engines/face/detect-faces.js';
import type { HumanFace, HumanInstance, HumanTensor } from '../../src/engines/face/human-api.js';
import { loadHuman } from '../../src/engines/face/load-human.js';
import { preparePhoto, type PreparedPhoto } from '../../src/engines/face/prepare.js';
import { loadRecognitionNet } from '../../src/engines/face/recognition-net.js';
import type { CorpusImage } from './corpus.js';

export type Metric = 'cosine' | 'euclidean';

export interface Variant {
  name: string;
  /** Embedding keys: one, or two to average (an image and its mirror). */
  keys: readonly string[];
  metric: Metric;
  note: string;
  /** The timed step each run costs (see EmbedderResults.times), and how many runs per face. */
  time: TimeKey;
}

export const TIME_KEYS = {
  faceres: 'faceres on human crop (resize + model)',
  faceresAligned: 'faceres on aligned crop (crop + model)',
  faceApi: 'face-api on aligned chip (chip + model)',
} as const;
type TimeKey = keyof typeof TIME_KEYS;

/** human's faceres input side, and the dlib template paddings tried for its aligned crops. */
const FACERES_SIZE = 224;
const FACERES_PADDINGS = [0.25, 0.4, 0.55] as const;

export const VARIANTS: readonly Variant[] = [
  {
    name: 'faceres, human crop',
    keys: ['faceres'],
    metric: 'cosine',
    note: 'the engine before: human 3.3 as configured until 2026-11-22',
    time: 'faceres',
  },
  {
    name: 'faceres, human crop + mirror',
    keys: ['faceres', 'faceres.mirror'],
    metric: 'cosine',
    note: 'mean of the unit embeddings',
    time: 'faceres',
  },
  ...FACERES_PADDINGS.flatMap((p): Variant[] => [
    {
      name: `faceres, aligned (padding ${p})`,
      keys: [`faceres.aligned${p}`],
      metric: 'cosine',
      note: `${FACERES_SIZE} px, dlib template`,
      time: 'faceresAligned',
    },
    {
      name: `faceres, aligned (padding ${p}) + mirror`,
      keys: [`faceres.aligned${p}`, `faceres.aligned${p}.mirror`],
      metric: 'cosine',
      note: 'mean of the unit embeddings',
      time: 'faceresAligned',
    },
  ]),
  {
    name: 'face-api, box crop',
    keys: ['faceapi.box'],
    metric: 'euclidean',
    note: 'square mesh box, not rotated',
    time: 'faceApi',
  },
  { name: 'face-api, aligned', keys: ['faceapi.aligned'], metric: 'cosine', note: 'dlib chip', time: 'faceApi' },
  {
    name: 'face-api, aligned',
    keys: ['faceapi.aligned'],
    metric: 'euclidean',
    note: '**shipped**: dlib chip, 150 px, padding 0.25',
    time: 'faceApi',
  },
  {
    name: 'face-api, aligned + mirror',
    keys: ['faceapi.aligned', 'faceapi.aligned.mirror'],
    metric: 'euclidean',
    note: 'mean descriptor',
    time: 'faceApi',
  },
];

/** Time in ms of the embedding keys that are timed: chip extraction + the model, one face. */
export type EmbedderTimes = Record<string, number[]>;

export interface EmbedderResults {
  /** file -> embedding key -> embedding of the largest face (absent when no face was kept). */
  embeddings: Record<string, Record<string, number[]>>;
  times: EmbedderTimes;
}

interface GraphModel {
  execute(input: HumanTensor): HumanTensor | HumanTensor[];
}

/** The tfjs operations used here, beyond those the engine declares. */
interface BenchTf {
  tensor4d(values: Float32Array, shape: [number, number, number, number], dtype: 'float32'): HumanTensor;
  image: { resizeBilinear(input: HumanTensor, size: [number, number], alignCorners: boolean): HumanTensor };
  reverse(input: HumanTensor, axis: number): HumanTensor;
  expandDims(input: HumanTensor, axis: number): HumanTensor;
  mul(input: HumanTensor, factor: number): HumanTensor;
}

interface TensorData {
  data(): Promise<Float32Array>;
}

interface BenchHuman extends HumanInstance {
  models: { models: Record<string, GraphModel | null> };
}

/** human with its faceres model on and the face crop returned (face.tensor), for the comparison only. */
async function loadComparisonHuman(): Promise<BenchHuman> {
  return (await loadHuman((config) => {
    config.face.description = { enabled: true, skipFrames: 0, skipTime: 0, minConfidence: 0.1 };
    config.face.detector.return = true;
  })) as BenchHuman;
}

export async function computeEmbeddings(images: readonly CorpusImage[]): Promise<EmbedderResults> {
  const human = await loadComparisonHuman();
  const recognition = await loadRecognitionNet(human);
  const tf = human.tf as unknown as BenchTf;
  const faceres = human.models.models['faceres'];
  if (!faceres) throw new Error('faceres did not load');
  const times: EmbedderTimes = {};
  const timed = async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await task();
    (times[key] ??= []).push(performance.now() - started);
    return result;
  };

  /** faceres on a 0..255 float batch of one; human's own path does resizeBilinear(0..1 crop) x 255 first. */
  const runFaceres = async (input: HumanTensor): Promise<number[]> => {
    const outputs = faceres.execute(input);
    const list = Array.isArray(outputs) ? outputs : [outputs];
    try {
      const descriptor = list.find((t) => t.shape[1] === 1024);
      if (!descriptor) throw new Error('faceres returned no 1024-value descriptor');
      return Array.from(await (descriptor as HumanTensor & TensorData).data());
    } finally {
      for (const t of list) t.dispose();
    }
  };
  const faceresOnChip = (chip: Float32Array): Promise<number[]> =>
    runFaceres(tf.tensor4d(chip, [1, FACERES_SIZE, FACERES_SIZE, 3], 'float32'));
  /** human returns its crop squeezed: [height, width, 3], 0..1. */
  const faceresOnHumanCrop = async (crop: HumanTensor, mirror: boolean): Promise<number[]> => {
    const batch = tf.expandDims(crop, 0);
    const flipped = mirror ? tf.reverse(batch, 2) : batch;
    const resized = tf.image.resizeBilinear(flipped, [FACERES_SIZE, FACERES_SIZE], false);
    const scaled = tf.mul(resized, 255);
    if (mirror) flipped.dispose();
    batch.dispose();
    resized.dispose();
    try {
      return await runFaceres(scaled);
    } finally {
      scaled.dispose();
    }
  };
  const chip = (image: PreparedPhoto, t: SimilarityTransform, size: number, mirror = false) =>
    extractChip(image, t, size, mirror);

  const embeddings: Record<string, Record<string, number[]>> = {};
  for (const image of images) {
    const prepared = await preparePhoto(readFileSync(image.path));
    const input = human.tf.tensor3d(Int32Array.from(prepared.data), [prepared.height, prepared.width, 3], 'int32');
    const result = await human.detect(input);
    input.dispose();
    const faces = result.face as (HumanFace & { tensor?: HumanTensor })[];
    // The engine's choice of face: same filter, largest first.
    const [face] = faces
      .filter((f) => f.score >= MIN_FACE_SCORE && hasLandmarks(f))
      .sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
    const found: Record<string, number[]> = {};
    if (face) {
      if (!face.embedding || !face.tensor)
        throw new Error(`${image.file}: human returned no faceres embedding or crop`);
      found['faceres'] = face.embedding;
      found['faceres.mirror'] = await faceresOnHumanCrop(face.tensor, true);
      await timed(TIME_KEYS.faceres, () => faceresOnHumanCrop(face.tensor!, false));
      for (const padding of FACERES_PADDINGS) {
        const t = chipTransform(face.mesh, FACERES_SIZE, padding);
        found[`faceres.aligned${padding}`] = await timed(TIME_KEYS.faceresAligned, () =>
          faceresOnChip(chip(prepared, t, FACERES_SIZE)),
        );
        found[`faceres.aligned${padding}.mirror`] = await faceresOnChip(chip(prepared, t, FACERES_SIZE, true));
      }
      const aligned = chipTransform(face.mesh);
      found['faceapi.aligned'] = Array.from(
        await timed(TIME_KEYS.faceApi, () => recognition.describe(chip(prepared, aligned, CHIP_SIZE))),
      );
      found['faceapi.aligned.mirror'] = Array.from(
        await recognition.describe(chip(prepared, aligned, CHIP_SIZE, true)),
      );
      const [x, y, width, height] = face.box;
      const side = Math.max(width, height);
      const box: SimilarityTransform = {
        a: side / CHIP_SIZE,
        b: 0,
        tx: x + width / 2 - side / 2,
        ty: y + height / 2 - side / 2,
      };
      found['faceapi.box'] = Array.from(await recognition.describe(chip(prepared, box, CHIP_SIZE)));
    }
    for (const f of faces) f.tensor?.dispose();
    embeddings[image.file] = found;
  }
  recognition.dispose();
  return { embeddings, times };
}
