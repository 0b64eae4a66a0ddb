import { performance } from 'node:perf_hooks';
import { imageSize } from '../image/decode.js';
import { CHIP_SIZE } from './align.js';
import { detectFacesAnyRoll } from './detect-any-roll.js';
import { detectFaces, type FaceModels } from './detect-faces.js';
import type { HumanInstance } from './human-api.js';
import { matchLevelOf, similarityLevelOf } from './levels.js';
import { loadHuman } from './load-human.js';
import { preparePhoto } from './prepare.js';
import { cropJpeg, portraitBox } from './portrait.js';
import { loadRecognitionNet } from './recognition-net.js';
import { createSerialQueue } from './serial.js';
import { faceSimilarity } from './similarity.js';
import type { DetectedFace, FaceComparison, FaceEngine, MissingFace, Portrait } from './types.js';

/** Loads the face models once (from the installed packages, nothing downloaded) and returns the engine. */
export async function createFaceEngine(): Promise<FaceEngine> {
  const human = await loadHuman();
  let models: FaceModels;
  try {
    models = { human, recognition: await loadRecognitionNet(human) };
  } catch (error) {
    disposeModels(human);
    throw error;
  }
  const serial = createSerialQueue();
  let closed = false;

  // The first inference compiles the WASM kernels (several hundred ms): pay it at start-up, not on a user's photo.
  await warmUp(models);

  const detect = async (image: Buffer): Promise<DetectedFace[]> => {
    if (closed) throw new Error('face engine is closed');
    // Decoding runs in sharp's thread pool, outside the queue, so it overlaps with another call's inference.
    const prepared = await preparePhoto(image);
    return serial(() => {
      if (closed) throw new Error('face engine is closed');
      return detectFacesAnyRoll(models, prepared);
    });
  };

  const portrait = async (documentImage: Buffer): Promise<Portrait | null> => {
    const [face] = await detect(documentImage);
    if (!face) return null;
    const box = portraitBox(face.box, await imageSize(documentImage));
    return { jpeg: await cropJpeg(documentImage, box), box, face };
  };

  const compare = async (a: Buffer, b: Buffer): Promise<FaceComparison> => {
    const started = performance.now();
    const [facesA, facesB] = await Promise.all([detect(a), detect(b)]);
    const [faceA] = facesA;
    const [faceB] = facesB;
    const missingFace: MissingFace = !faceA && !faceB ? 'both' : !faceA ? 'a' : !faceB ? 'b' : 'none';
    const similarity = faceA && faceB ? faceSimilarity(faceA.embedding, faceB.embedding) : 0;
    const comparison: FaceComparison = {
      similarity,
      similarityLevel: similarityLevelOf(similarity),
      matchLevel: missingFace === 'none' ? matchLevelOf(similarity) : 0,
      faces: { a: facesA.length, b: facesB.length },
      missingFace,
      ms: Math.round(performance.now() - started),
    };
    if (faceB?.liveness !== undefined) comparison.liveness = faceB.liveness;
    if (faceB?.antispoof !== undefined) comparison.antispoof = faceB.antispoof;
    return comparison;
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await serial(async () => {
      models.recognition.dispose();
      disposeModels(human);
    });
  };

  return { detect, portrait, compare, close };
}

async function warmUp(models: FaceModels): Promise<void> {
  const width = 320;
  const height = 240;
  // Mid-grey noise: no face, but it runs the detector's kernels at a realistic input size.
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = 96 + ((i * 2654435761) >>> 27);
  // The recognition net runs only on faces found: run it once on a grey chip.
  await models.recognition.describe(new Float32Array(CHIP_SIZE * CHIP_SIZE * 3).fill(128));
  await detectFaces(models, {
    data,
    width,
    height,
    scale: 1,
    padX: 0,
    padY: 0,
    originalWidth: width,
    originalHeight: height,
  });
}

interface HumanModels {
  models?: { models?: Record<string, { dispose(): void } | null> };
}

function disposeModels(human: HumanInstance): void {
  const models = (human as HumanInstance & HumanModels).models?.models ?? {};
  for (const [name, model] of Object.entries(models)) {
    model?.dispose();
    models[name] = null;
  }
}
