import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { HumanConfig, HumanInstance, HumanModule } from './human-api.js';
import { humanConfig, REQUIRED_MODELS } from './human-config.js';
import { serveModels } from './model-server.js';

const require = createRequire(import.meta.url);

export class FaceEngineLoadError extends Error {
  readonly code = 'faceEngineUnavailable';
  constructor(message: string) {
    super(message);
    this.name = 'FaceEngineLoadError';
  }
}

interface HumanWithStats extends HumanInstance {
  models: { stats(): { modelStats: { name: string; loaded: boolean }[] } };
}

/** Where the installed packages keep what we load: everything ships inside them, nothing is downloaded. */
function humanPaths(): { build: string; models: string; wasm: string } {
  // human's exports map resolves "node" to the tfjs-node build (not installed) and has no valid entry for the
  // node-wasm build, so we resolve the package's dist folder and pick the file by path.
  const dist = path.dirname(require.resolve('@vladmandic/human'));
  const wasmDist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const paths = {
    build: path.join(dist, 'human.node-wasm.js'),
    models: path.join(dist, '..', 'models'),
    wasm: wasmDist + path.sep,
  };
  for (const file of [
    paths.build,
    path.join(paths.models, 'faceres.json'),
    path.join(wasmDist, 'tfjs-backend-wasm.wasm'),
  ]) {
    if (!existsSync(file)) throw new FaceEngineLoadError(`face engine file missing: ${file}`);
  }
  return paths;
}

/**
 * Loads human's node-wasm build with the face models, serving them from the package on loopback while they load.
 * `configure` may change the configuration first: bench/faces turns human's own embedding model back on to compare.
 */
export async function loadHuman(configure?: (config: HumanConfig) => void): Promise<HumanInstance> {
  const paths = humanPaths();
  const { Human } = require(paths.build) as HumanModule;
  const server = await serveModels(paths.models);
  let human: HumanWithStats;
  try {
    const config = humanConfig({ wasmPath: paths.wasm, modelBasePath: server.baseUrl });
    configure?.(config);
    human = new Human(config) as HumanWithStats;
    await human.load();
    await human.tf.ready();
  } finally {
    await server.close();
  }
  if (human.tf.getBackend() !== 'wasm') {
    throw new FaceEngineLoadError(`face engine: expected the wasm backend, got ${human.tf.getBackend()}`);
  }
  // human logs a failed model load and carries on; we refuse to run half a pipeline.
  const loaded = new Set(
    human.models
      .stats()
      .modelStats.filter((m) => m.loaded)
      .map((m) => m.name),
  );
  const missing = REQUIRED_MODELS.filter((name) => !loaded.has(name));
  if (missing.length > 0) throw new FaceEngineLoadError(`face engine: models failed to load: ${missing.join(', ')}`);
  return human;
}
