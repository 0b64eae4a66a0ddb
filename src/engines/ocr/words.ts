import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { Box } from '../image/types.js';

/** A word the OCR read, with its box in pixels of the image as given. */
export interface OcrWord {
  text: string;
  /** 0..100, as Tesseract reports it. */
  confidence: number;
  box: Box;
  /** Words of one text line share this number (within one image). */
  line: number;
}

/** Reads every word of a document image with its box: what a printed-field search needs. */
export interface WordOcr {
  read(image: Buffer): Promise<OcrWord[]>;
  close(): Promise<void>;
}

/**
 * The English LSTM model of `@tesseract.js-data/eng` (the integer "best" variant: as accurate as the
 * float one for printed text, and faster), read from node_modules: nothing is fetched at run time.
 */
function englishModelDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/**
 * One tesseract.js worker with the English model in sparse-text mode: a document page is not a block
 * of prose, and sparse mode finds short fields scattered over the page instead of merging them.
 */
export async function createWordOcr(): Promise<WordOcr> {
  const worker: Worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: englishModelDir(),
    cacheMethod: 'none',
    gzip: true,
    // Without a handler a failed job is rethrown inside tesseract.js's listener and crashes the thread.
    errorHandler: () => undefined,
  });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, user_defined_dpi: '300' });
  let closed = false;
  return {
    async read(image) {
      if (closed) throw new Error('word OCR closed');
      const { data } = await worker.recognize(image, {}, { text: false, blocks: true });
      const words: OcrWord[] = [];
      let line = 0;
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const textLine of paragraph.lines) {
            line += 1;
            for (const word of textLine.words) {
              const { x0, y0, x1, y1 } = word.bbox;
              words.push({
                text: word.text,
                confidence: word.confidence,
                box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
                line,
              });
            }
          }
        }
      }
      return words;
    },
    async close() {
      if (closed) return;
      closed = true;
      await worker.terminate();
    },
  };
}
