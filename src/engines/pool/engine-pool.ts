import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Engines } from './types.js';

export interface EnginePoolOptions {
  /** Worker threads, each with its own copy of the models (a few hundred MB each). */
  threads: number;
}

/** The compiled worker, or (running from TypeScript sources, in tests and tsx) a loader for its source. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? here.replace(/engine-pool\.ts$/, 'worker-from-source.mjs')
    : here.replace(/engine-pool\.js$/, 'worker.js');
}

/**
 * The engines in a pool of worker threads: OCR and face models load once per thread (on first use) and
 * run there, so a verification never blocks the event loop that serves the API.
 */
export function createEnginePool(options: EnginePoolOptions): Engines {
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: options.threads,
    // Threads keep their loaded models between tasks; an idle pool gives the memory back after a while.
    idleTimeout: 10 * 60_000,
  });
  const run = <T>(name: string, task: object) => pool.run(task, { name }) as Promise<T>;
  return {
    readMrz: (image) => run('readMrz', { image }),
    detectFaces: (image) => run('detectFaces', { image }),
    portrait: async (image) => {
      const found = await run<{ jpeg: Uint8Array; box: never; face: never } | null>('portrait', { image });
      return found && { ...found, jpeg: Buffer.from(found.jpeg) };
    },
    compareFaces: (reference, probe) => run('compareFaces', { reference, probe }),
    checkImage: (image, regions) => run('checkImage', { image, regions }),
    findWords: (image) => run('findWords', { image }),
    readVisualZone: (image, mrz, options) => run('readVisualZone', { image, mrz, options }),
    decodeJpeg2000: async (image) => {
      const decoded = await run<{ png: Uint8Array } | { refused: string }>('decodeJpeg2000', { image });
      return 'png' in decoded ? { png: Buffer.from(decoded.png) } : decoded;
    },
    close: () => pool.destroy(),
  };
}
