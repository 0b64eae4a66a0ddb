import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHIP_SIZE } from './align.js';
import type { HumanInstance } from './human-api.js';
import { FaceEngineLoadError } from './load-human.js';

const require = createRequire(import.meta.url);

/**
 * The few parts of @vladmandic/face-api 1.7 (node-wasm build) this engine uses: its face recognition net only.
 * face-api's own typings pull in the whole tfjs API, so we declare what we call and nothing more.
 */
interface FaceApiTensor {
  readonly shape: number[];
  dispose(): void;
}

interface FaceApiTf {
  tensor3d(values: Float32Array, shape: [number, number, number], dtype: 'float32'): FaceApiTensor;
  engine(): object;
  getBackend(): string;
}

interface FaceApiRecognitionNet {
  loadFromDisk(directory: string): Promise<void>;
  computeFaceDescriptor(input: FaceApiTensor): Promise<Float32Array | Float32Array[]>;
  readonly isLoaded: boolean;
  dispose(): void;
}

interface FaceApiModule {
  tf: FaceApiTf;
  FaceRecognitionNet: new () => FaceApiRecognitionNet;
}

/** Length of the descriptor the net computes. */
export const DESCRIPTOR_LENGTH = 128;

/**
 * dlib's face recognition net (a ResNet-34 slimmed to 29 conv layers, trained by dlib's author on about 3 million
 * faces of some 7,500 people; ported to tfjs by face-api): a 128-value descriptor of an aligned 150 x 150 face chip
 * (align.ts), compared by Euclidean distance.
 */
export interface RecognitionNet {
  /** The descriptor of a CHIP_SIZE x CHIP_SIZE RGB chip (0..255). */
  describe(chip: Float32Array): Promise<Float32Array>;
  dispose(): void;
}

/** Where the installed package keeps what we load: its node-wasm build and its model files. */
export function faceApiPaths(): { build: string; models: string } {
  // The package's main entry is the tfjs-node build (native libtensorflow, not installed): pick the node-wasm build.
  const root = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
  const paths = {
    build: path.join(root, 'dist', 'face-api.node-wasm.js'),
    models: path.join(root, 'model'),
  };
  for (const file of [paths.build, path.join(paths.models, 'face_recognition_model-weights_manifest.json')]) {
    if (!existsSync(file)) throw new FaceEngineLoadError(`face engine file missing: ${file}`);
  }
  return paths;
}

/**
 * Loads the recognition net from the installed package (read from disk, nothing downloaded). It must run on the
 * tfjs engine human already set up (the WASM backend): both packages resolve the same @tensorflow/tfjs-core.
 */
export async function loadRecognitionNet(human: HumanInstance): Promise<RecognitionNet> {
  const paths = faceApiPaths();
  const faceApi = require(paths.build) as FaceApiModule;
  if (faceApi.tf.engine() !== human.tf.engine()) {
    throw new FaceEngineLoadError('face engine: face-api and human loaded different copies of @tensorflow/tfjs-core');
  }
  if (faceApi.tf.getBackend() !== 'wasm') {
    throw new FaceEngineLoadError(`face engine: expected the wasm backend, got ${faceApi.tf.getBackend()}`);
  }
  const net = new faceApi.FaceRecognitionNet();
  await net.loadFromDisk(paths.models);
  if (!net.isLoaded) throw new FaceEngineLoadError('face engine: the face recognition model failed to load');
  return {
    async describe(chip: Float32Array): Promise<Float32Array> {
      if (chip.length !== CHIP_SIZE * CHIP_SIZE * 3) throw new RangeError('chip must be CHIP_SIZE x CHIP_SIZE x 3');
      const input = faceApi.tf.tensor3d(chip, [CHIP_SIZE, CHIP_SIZE, 3], 'float32');
      try {
        const descriptor = await net.computeFaceDescriptor(input);
        if (Array.isArray(descriptor)) throw new Error('face-api returned a batch for a single chip');
        return Float32Array.from(descriptor);
      } finally {
        input.dispose();
      }
    },
    dispose: () => net.dispose(),
  };
}
