import { compensatingRival, parseMrz, repairMrz, type MrzParse } from '../mrz/index.js';
import { readingsWithinConfusions } from './confusions.js';
import { hasRivalReading } from './doubts.js';
import { alignToGrid } from './grid.js';
import { lengthVariants, readLines, shapes, windows, type ReadLine } from './line-shapes.js';
import type { OcrLine } from './tesseract.js';
import { isUnchecked } from './unchecked.js';

/** What the OCR text of a band says, after fitting it to an MRZ shape and repairing it. */
export interface Interpretation {
  parse: MrzParse;
  /** Mean symbol confidence per line, 0..1. */
  confidence: number[];
  /** Check digits hold, the fix was the only one possible, and the unprotected characters were read with confidence. */
  valid: boolean;
  problems: string[];
  /** How many check digits hold: ranks invalid readings. */
  holding: number;
  /**
   * The readings of the text found to satisfy every check digit, at the most trusted way of fitting
   * the lines that found any (more than one: ambiguous; the search is not exhaustive).
   */
  fits: string[][];
}

export interface InterpretOptions {
  /** YYYY-MM-DD, for the dates' centuries and the validation verdicts. */
  today?: string;
  /**
   * A character no check digit protects (names, nationality, sex...) read with less confidence than
   * this makes the reading invalid: there the check digits cannot catch a misread.
   */
  minUncheckedConfidence: number;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

function product<T>(lists: readonly T[][]): T[][] {
  return lists.reduce<T[][]>((combos, list) => combos.flatMap((combo) => list.map((item) => [...combo, item])), [[]]);
}

interface Fitted {
  lines: ReadLine[];
  repaired: string[];
}

/**
 * Ways to bring the window to the shape's length, most trusted first: the lines as read when they
 * fit; the lines put on the MRZ grid by the symbols' positions; fillers added or removed in runs.
 */
function fittings(window: ReadLine[], length: number): ReadLine[][][] {
  const levels: ReadLine[][][] = [];
  if (window.every((l) => l.text.length === length)) levels.push([window]);
  const grid = alignToGrid(window, length);
  if (grid && grid.some((l, i) => l.text !== window[i]!.text)) levels.push([grid]);
  const variants = product(window.map((line) => lengthVariants(line, length)));
  if (variants.length > 0 && !(variants.length === 1 && levels.length > 0)) levels.push(variants);
  return levels;
}

/**
 * Fits the window to the shape and repairs it, level by level: the first level where exactly one
 * reading passes every check wins; two different passing readings at a level make it ambiguous
 * (reported, never chosen between); with none, the reading with most checks holding is kept.
 */
function fitWindow(window: ReadLine[], length: number, options: InterpretOptions): Interpretation | undefined {
  const problems: string[] = [];
  let chosen: Fitted | undefined;
  let fits: string[][] = [];
  let unique = false;
  let best: (Fitted & { holding: number }) | undefined;
  for (const level of fittings(window, length)) {
    const valid = new Map<string, Fitted>();
    for (const lines of level) {
      const raw = lines.map((l) => l.text);
      const repair = repairMrz(raw);
      if (repair.valid) valid.set(repair.lines.join('\n'), { lines, repaired: repair.lines });
      // Our model's own misreadings (3/5/S) together with the engine's look-alikes, searched only on
      // the few most trusted fittings. Every reading found counts: when the engine's repair and this
      // search disagree, the level is ambiguous and nothing is chosen.
      const ours = level.length <= 4 ? readingsWithinConfusions(raw) : [];
      for (const reading of ours) valid.set(reading.join('\n'), { lines, repaired: reading });
      if (repair.valid || ours.length > 0) continue;
      const holding = Object.values(parseMrz(repair.lines, { today: options.today }).checks).filter(Boolean).length;
      if (!best || holding > best.holding) best = { lines, repaired: repair.lines, holding };
    }
    if (valid.size === 0) continue;
    chosen = [...valid.values()][0];
    fits = [...valid.values()].map((f) => f.repaired);
    unique = valid.size === 1;
    // Two different fixes both satisfy every check digit: choosing one would be a guess.
    if (!unique) problems.push(`ocr: ${valid.size} different readings fit the check digits`);
    break;
  }
  chosen ??= best;
  if (!chosen) return undefined;

  const parse = parseMrz(chosen.repaired, { today: options.today });
  const confidence = chosen.lines.map((l) => mean(l.confidences));
  // Where no check digit protects a character, a low OCR confidence or a repair leaves it uncertain,
  // except 0 turned into O in a letters-only position: the one confusion the OCR-B model makes there
  // (measured on synthetic documents, where it read O as 0 and never D or Q as 0).
  let uncertain = 0;
  const repaired = chosen.repaired;
  chosen.lines.forEach((line, i) => {
    line.confidences.forEach((c, j) => {
      if (!isUnchecked(parse.format, i, j)) return;
      const read = line.text.charAt(j);
      const final = repaired[i]?.charAt(j);
      const trustedRepair = read === final || (read === '0' && final === 'O');
      if (c < options.minUncheckedConfidence || !trustedRepair) uncertain++;
    });
  });
  if (uncertain > 0)
    problems.push(`ocr: ${uncertain} character(s) that no check digit protects were read with low confidence`);
  const rival =
    unique &&
    parse.valid &&
    hasRivalReading(
      chosen.lines.map((l) => l.text),
      repaired,
    );
  if (rival)
    problems.push('ocr: the model misread look-alikes on this document, and another reading fits the check digits');
  // Look-alikes that cancel out in the check sums (…6SD… for …650…): no confidence makes up for it.
  const compensated = parse.valid && compensatingRival(repaired) !== null;
  if (compensated)
    problems.push('ocr: look-alike letters sit among digits, and the digits fit the check digits as well');
  return {
    parse,
    confidence,
    valid: parse.valid && unique && uncertain === 0 && !rival && !compensated,
    problems: [...problems, ...parse.problems],
    holding: Object.values(parse.checks).filter(Boolean).length,
    fits,
  };
}

const rank = (r: Interpretation): number =>
  (r.valid ? 1000 : 0) + (r.parse.valid ? 100 : 0) + r.holding * 10 + mean(r.confidence);

/**
 * Reads an MRZ out of the OCR lines of a band: tries every run of consecutive lines that has the
 * shape of a format (3 x 30, 2 x 36, 2 x 44, each line within three characters), fixes lengths by
 * adding or removing fillers, lets the MRZ engine repair look-alikes, and keeps the best result.
 * Undefined when no lines have an MRZ shape.
 */
export function interpret(ocr: readonly OcrLine[], options: InterpretOptions): Interpretation | undefined {
  const lines = readLines(ocr);
  let best: Interpretation | undefined;
  for (const shape of shapes) {
    for (const window of windows(lines, shape)) {
      const result = fitWindow(window, shape.length, options);
      if (result && (!best || rank(result) > rank(best))) best = result;
    }
  }
  return best;
}
