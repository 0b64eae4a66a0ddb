import type { HumanConfig, HumanModelConfig } from './human-api.js';

/** Human is built for video: by default it reuses results across "frames" that look alike. Every call here is a new photo. */
const everyCall = { skipFrames: 0, skipTime: 0 };
const off: HumanModelConfig = { enabled: false };

/** Most faces counted per image: enough to tell one face from several, while bounding the per-face model cost. */
const MAX_FACES = 5;

/**
 * Face models only: detector, mesh (its landmarks align the face for the recognition net), anti-spoof, liveness.
 * human's own embedding model (faceres, `description`) is off: face-api's recognition net replaced it (bench/faces).
 */
export function humanConfig(paths: { wasmPath: string; modelBasePath: string }): HumanConfig {
  return {
    backend: 'wasm',
    wasmPath: paths.wasmPath,
    modelBasePath: paths.modelBasePath,
    debug: false,
    // Synchronous mode runs the face models one after another: we have one core per engine anyway.
    async: false,
    // Human's warm-up decodes a sample with tfjs-node, which is not installed; we warm up ourselves.
    warmup: 'none',
    // No IndexedDB in Node, and the cache-sensitivity frame skipping must never reuse an earlier photo's result.
    cacheModels: false,
    cacheSensitivity: 0,
    // The filters adjust brightness between video frames; photos go to the models as they are.
    filter: { enabled: false },
    gesture: { enabled: false },
    face: {
      enabled: true,
      detector: {
        enabled: true,
        ...everyCall,
        // Levels each face by the detector's eye keypoints before the mesh runs. Upright corpus faces gain little, but
        // without it a head leaning 20-45 degrees got landmarks too poor to align: the same photo turned 30 degrees
        // matched itself at 0.45-0.60 instead of 0.89-0.95 (engine-roll.test.ts, docs/FACES.md).
        rotation: true,
        maxDetected: MAX_FACES,
        // Permissive here: faces are filtered by MIN_FACE_SCORE after the mesh has scored them.
        minConfidence: 0.2,
        return: false,
      },
      mesh: { enabled: true },
      iris: off,
      attention: off,
      emotion: off,
      description: off,
      antispoof: { enabled: true, ...everyCall },
      liveness: { enabled: true, ...everyCall },
      gear: off,
    },
    body: off,
    hand: off,
    object: off,
    segmentation: off,
  };
}

/** The models `humanConfig` enables; loading fails unless every one of them loaded. */
export const REQUIRED_MODELS = ['blazeface', 'facemesh', 'antispoof', 'liveness'] as const;
