import { bandBox, bandPng, extractBand, type Band } from './band.js';
import { decodeGrey } from './grey.js';
import { interpret, type Interpretation } from './interpret.js';
import { locateBands } from './locate.js';
import { createOcrEngine } from './tesseract.js';
import type { MrzReader, MrzReaderOptions, MrzReading } from './types.js';

/**
 * Below this mean confidence an OCR pass is taken for text read the wrong way round, and the band
 * is read again turned by 180 degrees.
 */
const uprightConfidence = 0.6;

const rank = (r: Interpretation): number =>
  (r.valid ? 1000 : 0) + (r.parse.valid ? 100 : 0) + r.holding * 10 + Math.min(...r.confidence, 1);

function reading(found: { result: Interpretation; band: Band } | undefined, started: number): MrzReading {
  const ms = performance.now() - started;
  if (!found) {
    return {
      format: 'unknown',
      lines: [],
      fields: null,
      valid: false,
      checks: {},
      confidence: [],
      problems: ['ocr: no MRZ found'],
      ms,
    };
  }
  const { parse, confidence, valid, problems } = found.result;
  return {
    format: parse.format,
    lines: parse.lines,
    fields: parse.fields,
    valid,
    checks: parse.checks,
    confidence: confidence.map((c) => Math.round(c * 1000) / 1000),
    problems,
    box: bandBox(found.band),
    ms,
  };
}

/**
 * Creates an MRZ reader: loads the OCR-B model into one tesseract.js worker (a single thread), then
 * for each image locates MRZ-like bands, cuts each out level and at the model's scale, OCRs it, and
 * fits and repairs the text with the MRZ engine. Tries the next band, or the band upside down, until
 * a reading is valid; otherwise returns the best invalid one.
 */
export async function createMrzReader(options: MrzReaderOptions = {}): Promise<MrzReader> {
  const engine = await createOcrEngine({ modelDir: options.modelDir });
  const interpretOptions = { today: options.today, minUncheckedConfidence: options.minUncheckedConfidence ?? 0.5 };
  const maxCandidates = options.maxCandidates ?? 3;
  return {
    async read(image) {
      const started = performance.now();
      const grey = await decodeGrey(image);
      let best: { result: Interpretation; band: Band } | undefined;
      for (const candidate of locateBands(grey, maxCandidates)) {
        for (const flip of [false, true]) {
          const band = extractBand(grey, candidate, flip);
          if (!band) break;
          const result = interpret(await engine.recognize(await bandPng(band)), interpretOptions);
          if (result && (!best || rank(result) > rank(best.result))) best = { result, band };
          if (best?.result.valid) return reading(best, started);
          const mean = result ? result.confidence.reduce((a, b) => a + b, 0) / result.confidence.length : 0;
          if (mean >= uprightConfidence) break;
        }
      }
      return reading(best, started);
    },
    close: () => engine.close(),
  };
}
