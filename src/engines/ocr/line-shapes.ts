import { mrzAlphabet, type OcrLine } from './tesseract.js';

/** An OCR line reduced to MRZ symbols, each with Tesseract's confidence scaled to 0..1. */
export interface ReadLine {
  text: string;
  confidences: number[];
  /** Horizontal centre of each symbol in the band image (NaN for a filler added by a fix). */
  centres: number[];
}

/** Line counts and lengths of the ICAO formats: TD1; TD2, MRV-B (and the French ID card); TD3, MRV-A. */
export const shapes = [
  { count: 3, length: 30 },
  { count: 2, length: 36 },
  { count: 2, length: 44 },
] as const;

export type Shape = (typeof shapes)[number];

/** The symbols of each OCR line that belong to the MRZ alphabet; short scraps are dropped. */
export function readLines(ocr: readonly OcrLine[]): ReadLine[] {
  return ocr
    .map((line) => {
      const symbols = line.symbols.filter((s) => s.text.length === 1 && mrzAlphabet.includes(s.text));
      return {
        text: symbols.map((s) => s.text).join(''),
        confidences: symbols.map((s) => s.confidence / 100),
        centres: symbols.map((s) => (s.x0 + s.x1) / 2),
      };
    })
    .filter((line) => line.text.length >= 10);
}

/** Where a line of the wrong length may have gained or lost a character: inside runs of fillers. */
function fillerRuns(text: string): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  const pattern = /<{2,}/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    runs.push({ start: match.index, end: match.index + match[0].length });
  }
  return runs;
}

/** Confidence given to a filler the OCR did not see but the line's length calls for: low, so that one in a
 * field no check digit protects (a name) leaves the reading not valid. */
export const insertedFillerConfidence = 0.3;

function splice(line: ReadLine, at: number, remove: number, insert: number): ReadLine {
  return {
    text: line.text.slice(0, at) + '<'.repeat(insert) + line.text.slice(at + remove),
    confidences: [
      ...line.confidences.slice(0, at),
      ...new Array<number>(insert).fill(insertedFillerConfidence),
      ...line.confidences.slice(at + remove),
    ],
    centres: [
      ...line.centres.slice(0, at),
      ...new Array<number>(insert).fill(Number.NaN),
      ...line.centres.slice(at + remove),
    ],
  };
}

/**
 * Ways to bring a line to `length` by adding or removing fillers only: OCR of OCR-B drops or doubles
 * a '<' in long filler runs, or stops before the trailing fillers. Each variant changes one filler
 * run (or the end of the line); a line that already fits is its only variant.
 */
export function lengthVariants(line: ReadLine, length: number): ReadLine[] {
  const { text } = line;
  const diff = length - text.length;
  if (diff === 0) return [line];
  if (Math.abs(diff) > 3) return [];
  const variants = new Map<string, ReadLine>();
  const add = (variant: ReadLine): void => {
    if (!variants.has(variant.text)) variants.set(variant.text, variant);
  };
  if (diff > 0) {
    add(splice(line, text.length, 0, diff));
    for (const run of fillerRuns(text)) add(splice(line, run.end, 0, diff));
  } else {
    const cut = -diff;
    if (/^<*$/.test(text.slice(length))) add(splice(line, length, cut, 0));
    for (const run of fillerRuns(text)) if (run.end - run.start > cut) add(splice(line, run.end - cut, cut, 0));
  }
  return [...variants.values()];
}

/** Consecutive OCR lines that could be an MRZ of the given shape (each within three characters). */
export function windows(lines: readonly ReadLine[], shape: Shape): ReadLine[][] {
  const found: ReadLine[][] = [];
  for (let i = 0; i + shape.count <= lines.length; i++) {
    const window = lines.slice(i, i + shape.count);
    if (window.every((l) => Math.abs(l.text.length - shape.length) <= 3)) found.push(window);
  }
  return found;
}
