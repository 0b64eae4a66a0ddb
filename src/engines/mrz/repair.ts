import { normaliseLines } from './alphabet.js';
import { detectLayout } from './detect.js';
import type { Layout } from './layouts.js';
import { parseMrz } from './parse.js';
import { applyPositionRules } from './repair-positions.js';
import { searchLookalikes } from './repair-search.js';
import { trimOverlongLines } from './repair-shape.js';

export interface MrzRepair {
  /** The lines after repair; returned even when the reading stays invalid. */
  lines: string[];
  /** Characters changed or cut. */
  corrections: number;
  /** `parseMrz(lines).valid`: every check digit holds and every field has allowed characters. */
  valid: boolean;
}

/**
 * The repair's deterministic first steps only: cut text read past the end of a line, then the position
 * rules (digits where only digits are allowed, letters where only letters are). No check digit is
 * consulted, so a caller can run its own search for look-alikes from here (the OCR reader does, with
 * its model's own confusions). `layout` is null when the lines have no MRZ shape.
 */
export function repairByPosition(lines: string | readonly string[]): {
  lines: string[];
  corrections: number;
  layout: Layout | null;
} {
  const shaped = trimOverlongLines(normaliseLines(lines));
  const { layout } = detectLayout(shaped.lines);
  if (!layout) return { lines: shaped.lines, corrections: shaped.removed, layout: null };
  const positioned = applyPositionRules(layout, shaped.lines);
  return { lines: positioned.lines, corrections: shaped.removed + positioned.corrections, layout };
}

/**
 * Corrects the usual OCR confusions in an MRZ reading, for the OCR reader. In order: cut text read past
 * the end of a line; by field position, turn letters into the digits they look like where only digits
 * are allowed and the reverse where only letters are (names, codes); then, where a check digit still
 * fails, try look-alikes inside the field it protects and keep them only if exactly one combination
 * makes every check digit hold. Never adds a character and never guesses between readings; names have
 * no check digit, so only the position rules apply there.
 *
 * @example repairMrz(['I<UTOD231458907<<<<<<<<<<<<<<<', '74O8122F12O4159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'])
 *   // { lines: [..., '7408122F1204159UTO<<<<<<<<<<<6', ...], corrections: 2, valid: true }
 */
export function repairMrz(lines: string | readonly string[]): MrzRepair {
  const positioned = repairByPosition(lines);
  if (!positioned.layout) return { lines: positioned.lines, corrections: positioned.corrections, valid: false };
  const { layout } = positioned;
  const substitutions = searchLookalikes(layout, positioned.lines) ?? [];
  const chars = positioned.lines.map((line) => [...line]);
  for (const { line, index, char } of substitutions) chars[line]![index] = char;
  const repaired = chars.map((row) => row.join(''));
  return {
    lines: repaired,
    corrections: positioned.corrections + substitutions.length,
    valid: parseMrz(repaired).valid,
  };
}
