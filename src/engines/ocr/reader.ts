import { bandBox, modelCapHeight, type Band } from './band.js';
import { BandReads } from './band-reads.js';
import { decodeGrey, type Grey } from './grey.js';
import { decodeInk } from './ink.js';
import { interpret, type Interpretation } from './interpret.js';
import { locateBands, type BandCandidate } from './locate.js';
import { createOcrEngine, type OcrLine } from './tesseract.js';
import type { MrzReader, MrzReaderOptions, MrzReading } from './types.js';

/**
 * A band read with fewer check digits holding than this is read again turned by 180 degrees. The
 * model's confidence cannot tell: it reads OCR-B upside down as confidently as upright (seen on 4 of 5
 * scans turned round), but text read the wrong way round satisfies a check digit only by chance.
 */
const uprightChecks = 2;

const looksUpright = (r: Interpretation | undefined): boolean => r !== undefined && r.holding >= uprightChecks;

interface Found {
  result: Interpretation;
  band: Band;
  candidate: BandCandidate;
  flip: boolean;
  /** Character height in source pixels. */
  charHeight: number;
}

/**
 * Below this character height in the image (pixels), the model misreads letters with confidence
 * (M as H, E as C, T as Y, at 0.75-0.85), so the fields no check digit protects cannot be trusted:
 * measured on clean synthetic documents shrunk until the characters were 6-11 px high.
 */
const minCharHeight = 9;

function tooSmall(found: Found): Found {
  if (!found.result.valid || found.charHeight >= minCharHeight) return found;
  const problem = `ocr: the characters are ${found.charHeight.toFixed(1)} px high, too small to trust the fields no check digit protects (at least ${minCharHeight} px)`;
  return { ...found, result: { ...found.result, valid: false, problems: [problem, ...found.result.problems] } };
}

const rank = (r: Interpretation): number =>
  (r.valid ? 1000 : 0) + (r.parse.valid ? 100 : 0) + r.holding * 10 + Math.min(...r.confidence, 1);

function reading(found: Found | undefined, started: number): MrzReading {
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
    charHeight: Math.round(found.charHeight * 10) / 10,
    ms,
  };
}

/**
 * Character heights, besides the model's own, at which a band is read again when the first reading is
 * not valid, or to confirm a reading the check digits cannot tell from a look-alike rival. Tesseract's
 * classifier misreads differently at different scales: a small web image enlarged to the training
 * height blurs M into H and 0 into O or Q, where a smaller cut keeps the strokes apart, and a larger
 * one separates a narrow 0 from a round O. Measured on the corpus specimens: 24 px settles the
 * smallest screenshots, 48 px the 0/O confusions of the others.
 */
const fallbackCapHeights = [24, 48];
const scales = [modelCapHeight, ...fallbackCapHeights];

/**
 * Creates an MRZ reader: loads the OCR-B model into one tesseract.js worker (a single thread), then
 * for each image locates MRZ-like bands, cuts each out level and at the model's scale, OCRs it, and
 * fits and repairs the text with the MRZ engine. Tries the next band, or the band upside down, until
 * a reading is valid; then reads the bands again at other scales; otherwise returns the best invalid
 * reading. A reading is valid only when the check digits leave no doubt about it, or, where a
 * look-alike rival satisfies them too, when another scale reads the same (see BandReads).
 */
export async function createMrzReader(options: MrzReaderOptions = {}): Promise<MrzReader> {
  const engine = await createOcrEngine({ modelDir: options.modelDir });
  const interpretOptions = { today: options.today, minUncheckedConfidence: options.minUncheckedConfidence ?? 0.5 };
  const maxCandidates = options.maxCandidates ?? 3;
  const recognise = (png: Buffer) => engine.recognize(png);
  const interpretText = (ocr: readonly OcrLine[]) => interpret(ocr, interpretOptions);
  const holding = (r: MrzReading): number => Object.values(r.checks).filter(Boolean).length;
  return {
    /**
     * Reads the luminance first, then, when that is not valid, the ink image (coloured security
     * printing lifted away, see ink.ts): the ink image reads documents with guilloches through the
     * MRZ far better, but it thins the strokes of the smallest characters, which luminance reads.
     */
    async read(image) {
      const started = performance.now();
      const plain = await readGrey(await decodeGrey(image), started);
      if (plain.valid) return plain;
      const ink = await readGrey(await decodeInk(image), started);
      return ink.valid || holding(ink) > holding(plain) ? ink : { ...plain, ms: ink.ms };
    },
    close: () => engine.close(),
  };

  async function readGrey(grey: Grey, started: number): Promise<MrzReading> {
    let best: Found | undefined;
    /** Reads the band at this height and keeps the best reading so far; true once one is valid. */
    const consider = async (reads: BandReads, capHeight: number): Promise<boolean> => {
      const pass = await reads.at(capHeight);
      const result = pass && (await reads.settle(capHeight, scales));
      if (!pass || !result) return false;
      const { along } = pass.band.frame;
      const found = tooSmall({
        result,
        band: pass.band,
        candidate: reads.candidate,
        flip: reads.flip,
        charHeight: capHeight * Math.hypot(along.x, along.y),
      });
      if (!best || rank(found.result) > rank(best.result)) best = found;
      return best.result.valid;
    };
    // The bands, each one way up (or both ways when neither looked upright), best first, to
    // read again at the other scales if nothing is valid at the model's.
    const again: Array<{ reads: BandReads; score: number }> = [];
    for (const candidate of locateBands(grey, maxCandidates)) {
      const ways: Array<{ reads: BandReads; score: number }> = [];
      for (const flip of [false, true]) {
        const reads = new BandReads(grey, candidate, flip, recognise, interpretText);
        if (await consider(reads, modelCapHeight)) return reading(best, started);
        const pass = await reads.at(modelCapHeight);
        const result = pass?.result;
        ways.push({ reads, score: result ? rank(result) : -1 });
        if (!pass) break;
        if (looksUpright(result)) {
          ways.splice(0, ways.length - 1);
          break;
        }
      }
      // A band too small to cut at the model's scale was not read either way yet.
      if (ways.length === 1 && ways[0]!.score < 0)
        ways.push({ reads: new BandReads(grey, candidate, true, recognise, interpretText), score: -1 });
      again.push(...ways);
    }
    again.sort((a, b) => b.score - a.score);
    for (const { reads } of again) {
      for (const capHeight of fallbackCapHeights) if (await consider(reads, capHeight)) return reading(best, started);
    }
    return reading(best, started);
  }
}
