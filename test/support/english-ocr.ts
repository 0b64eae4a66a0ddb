import { createRequire } from 'node:module';
import { createWorker, OEM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/**
 * A tesseract.js worker with the English model from the `@tesseract.js-data/eng` package, read from
 * node_modules: `langPath` is a local folder and `cacheMethod: 'none'`, so nothing is downloaded or
 * written. Tests use it to check that text drawn on an image is legible.
 */
export async function englishOcr(): Promise<Worker> {
  const model = require('@tesseract.js-data/eng') as { langPath: string; gzip: boolean };
  return createWorker('eng', OEM.LSTM_ONLY, {
    langPath: model.langPath,
    gzip: model.gzip,
    cacheMethod: 'none',
    errorHandler: () => undefined,
  });
}
