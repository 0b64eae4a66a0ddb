/**
 * The few parts of @vladmandic/human 3.3 (node-wasm build) this engine uses. The package's own typings describe
 * the browser bundle and come through its malformed exports map, so we declare what we call and nothing more.
 */

export interface HumanTensor {
  readonly shape: number[];
  dispose(): void;
}

export interface HumanTf {
  tensor3d(values: Int32Array, shape: [number, number, number], dtype: 'int32'): HumanTensor;
  ready(): Promise<void>;
  getBackend(): string;
  /** The tfjs engine: one per copy of @tensorflow/tfjs-core loaded. */
  engine(): object;
  memory(): { numTensors: number; numBytes: number };
  /** From tfjs-backend-wasm: must be called before the backend initialises. */
  wasm?: { setThreadsCount?(count: number): void };
}

export interface HumanFace {
  /** Overall face score: the mesh score when the mesh model runs. */
  score: number;
  boxScore: number;
  faceScore: number;
  /** [x, y, width, height] in the input tensor's pixels. */
  box: [number, number, number, number];
  /** The 468 face-mesh landmarks, [x, y, z] in the input tensor's pixels (x, y). */
  mesh: number[][];
  /** faceres descriptor: absent while the `description` model is off, as in this engine. */
  embedding?: number[];
  /** Anti-spoof model output. */
  real?: number;
  /** Liveness model output. */
  live?: number;
}

export interface HumanResult {
  face: HumanFace[];
  error?: string | null;
}

export interface HumanModelConfig {
  enabled: boolean;
  modelPath?: string;
  skipFrames?: number;
  skipTime?: number;
  minConfidence?: number;
}

export interface HumanConfig {
  backend: 'wasm';
  wasmPath: string;
  modelBasePath: string;
  debug: boolean;
  async: boolean;
  warmup: 'none';
  cacheModels: boolean;
  cacheSensitivity: number;
  filter: { enabled: boolean };
  gesture: { enabled: boolean };
  face: {
    enabled: boolean;
    detector: HumanModelConfig & { rotation: boolean; maxDetected: number; iouThreshold?: number; return: boolean };
    mesh: HumanModelConfig;
    iris: HumanModelConfig;
    attention: HumanModelConfig;
    emotion: HumanModelConfig;
    description: HumanModelConfig;
    antispoof: HumanModelConfig;
    liveness: HumanModelConfig;
    gear: HumanModelConfig;
  };
  body: HumanModelConfig;
  hand: HumanModelConfig;
  object: HumanModelConfig;
  segmentation: HumanModelConfig;
}

export interface HumanInstance {
  readonly tf: HumanTf;
  load(): Promise<void>;
  detect(input: HumanTensor): Promise<HumanResult>;
}

export interface HumanModule {
  Human: new (config: HumanConfig) => HumanInstance;
}
