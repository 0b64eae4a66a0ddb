import { normaliseLines } from './alphabet.js';
import { detectLayout } from './detect.js';
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
  const shaped = trimOverlongLines(normaliseLines(lines));
  const { layout } = detectLayout(shaped.lines);
  if (!layout) return { lines: shaped.lines, corrections: shaped.removed, valid: false };

  const positioned = applyPositionRules(layout, shaped.lines);
  const substitutions = searchLookalikes(layout, positioned.lines) ?? [];
  const chars = positioned.lines.map((line) => [...line]);
  for (const { line, index, char } of substitutions) chars[line]![index] = char;
  const repaired = chars.map((row) => row.join(''));
  return {
    lines: repaired,
    corrections: shaped.removed + positioned.corrections + substitutions.length,
    valid: parseMrz(repaired).valid,
  };
}
