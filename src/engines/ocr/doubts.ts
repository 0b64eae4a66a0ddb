import { parseMrz, repairByPosition, type Layout } from '../mrz/index.js';

/** More doubtful characters than this cannot be settled by the check digits: the reading is doubtful. */
const maxDoubtful = 10;

/**
 * What the model showed it confuses on this very document: where the position rules had to turn a
 * character into another (an O read where only a digit may stand becomes 0), the model reads that
 * glyph as the wrong character here, so the same wrong character elsewhere may stand for it too.
 * Keyed by the character read, the character it may be.
 */
function confusionsShown(layout: Layout, raw: readonly string[], positioned: readonly string[]): Map<string, string> {
  const shown = new Map<string, string>();
  for (const field of layout.fields) {
    if (field.kind === 'alnum') continue;
    for (let i = field.start; i < field.end; i++) {
      const read = raw[field.line]?.charAt(i);
      const fixed = positioned[field.line]?.charAt(i);
      if (read && fixed && read !== fixed) shown.set(read, fixed);
    }
  }
  return shown;
}

/**
 * Whether the chosen reading has a rival the check digits cannot rule out, among the confusions the
 * model showed on this document. A phone photo can make the model read every 0 as O: the dates give
 * it away (the position rules turn those O into 0), but in a document number O and 0 are both allowed,
 * and two of them at weights 7 and 3 change the check sum by 240, which no check digit sees. So every
 * letters-and-digits character of the reading that the model showed it misreads is tried both ways;
 * if another combination also satisfies every check digit, the reading is not certain.
 */
export function hasRivalReading(raw: readonly string[], chosen: readonly string[]): boolean {
  const { lines: positioned, layout } = repairByPosition(raw);
  if (!layout) return false;
  const shown = confusionsShown(layout, raw, positioned);
  if (shown.size === 0) return false;
  const doubtful: Array<{ line: number; index: number; other: string }> = [];
  for (const field of layout.fields) {
    if (field.kind !== 'alnum') continue;
    for (let i = field.start; i < field.end; i++) {
      const other = shown.get(chosen[field.line]?.charAt(i) ?? '');
      if (other) doubtful.push({ line: field.line, index: i, other });
    }
  }
  if (doubtful.length === 0) return false;
  if (doubtful.length > maxDoubtful) return true;
  for (let mask = 1; mask < 1 << doubtful.length; mask++) {
    const rows = chosen.map((line) => [...line]);
    doubtful.forEach(({ line, index, other }, bit) => {
      if (mask & (1 << bit)) rows[line]![index] = other;
    });
    const checks = Object.values(parseMrz(rows.map((row) => row.join(''))).checks);
    if (checks.length > 0 && checks.every(Boolean)) return true;
  }
  return false;
}
