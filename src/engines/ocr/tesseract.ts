import { fileURLToPath } from 'node:url';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

/** One recognised character with Tesseract's confidence (0..100) and its box in the band image. */
export interface OcrSymbol {
  text: string;
  confidence: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface OcrLine {
  text: string;
  confidence: number;
  symbols: OcrSymbol[];
}

/** Text recognition of an MRZ band image (PNG), one line of symbols per text line found. */
export interface OcrEngine {
  recognize(png: Buffer): Promise<OcrLine[]>;
  close(): Promise<void>;
}

/** Tesseract's limit on either side of an image. */
const maxSide = 32_767;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The MRZ alphabet: the only symbols the model knows and the only ones we let it answer. */
export const mrzAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** Where the project's trained model lives (built by scripts/train-mrz-model.sh). */
const defaultModelDir = fileURLToPath(new URL('../../../assets/ocr/', import.meta.url));

export interface OcrEngineOptions {
  /** Folder holding `<language>.traineddata` (uncompressed). */
  modelDir?: string;
  language?: string;
  /** Extra Tesseract parameters, on top of the reader's defaults. */
  parameters?: Record<string, string>;
}

/**
 * Starts one tesseract.js worker (one thread, WebAssembly without threads) with the legacy engine
 * and our OCR-B model, read from disk: `langPath` is a local folder, so tesseract.js reads the file
 * instead of fetching it, `cacheMethod: 'none'` stops it from writing a copy into the working
 * directory, and the core and worker scripts come from node_modules. Nothing touches the network.
 */
export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const worker: Worker = await createWorker(options.language ?? 'mrz', OEM.TESSERACT_ONLY, {
    langPath: options.modelDir ?? defaultModelDir,
    cacheMethod: 'none',
    gzip: false,
    legacyCore: true,
    legacyLang: true,
    // Without a handler, tesseract.js rethrows a failed job inside its message listener, which
    // would crash the process; with one, only the job's promise rejects.
    errorHandler: () => undefined,
  });
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
    tessedit_char_whitelist: mrzAlphabet,
    // Band images carry no resolution; the model was trained at 300 dpi.
    user_defined_dpi: '300',
    ...options.parameters,
  });
  let closed = false;
  return {
    async recognize(png) {
      if (closed) throw new Error('OCR engine closed');
      // Tesseract refuses images past 32,767 px a side by failing inside tesseract.js's worker, where
      // the failure escapes the job's promise and takes the process down: refuse them here instead.
      const isPng = png.length >= 24 && png.subarray(0, 8).equals(pngSignature);
      const width = isPng ? png.readUInt32BE(16) : 0;
      const height = isPng ? png.readUInt32BE(20) : 0;
      if (width > maxSide || height > maxSide) throw new RangeError(`image too large for OCR: ${width} x ${height}`);
      const { data } = await worker.recognize(png, {}, { text: false, blocks: true });
      const lines: OcrLine[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const symbols = line.words.flatMap((word) =>
              word.symbols.map((s) => ({
                text: s.text,
                confidence: s.confidence,
                x0: s.bbox.x0,
                x1: s.bbox.x1,
                y0: s.bbox.y0,
                y1: s.bbox.y1,
              })),
            );
            lines.push({ text: symbols.map((s) => s.text).join(''), confidence: line.confidence, symbols });
          }
        }
      }
      return lines;
    },
    async close() {
      if (closed) return;
      closed = true;
      await worker.terminate();
    },
  };
}
