import { lookalikesOf, parseMrz, repairByPosition, type Layout, type MrzChecks } from '../mrz/index.js';

/**
 * Misreadings of our OCR-B model that the MRZ engine's look-alike table does not hold, measured on
 * synthetic documents: a 3 read as S or 5, a 5 read as 3. Keyed by what was read, the characters it
 * may have been.
 */
const misreadings: Readonly<Record<string, string>> = { S: '3', '5': '3', '3': '5' };

type Key = keyof MrzChecks;
interface Position {
  line: number;
  index: number;
}
type Change = Position & { char: string };

/** More swaps per field than this would let a check digit pick almost anything (as in the engine). */
const maxSwapsPerField = 2;
/** Beyond this many combinations over the failing fields, the reading is hopeless: no answer. */
const maxCombinations = 1000;

/**
 * What the character at a position may truly have been: in letters-and-digits fields, the engine's
 * look-alikes and our model's misreadings; where only digits are allowed (dates, check digits), the
 * position rules already made a digit of it, so only our digit-for-digit misreadings remain.
 */
function alternatives(layout: Layout, { line, index }: Position, char: string): string[] {
  const field = layout.fields.find((f) => f.line === line && index >= f.start && index < f.end);
  const ours = [...(misreadings[char] ?? '')];
  if (field?.kind === 'alnum') return [...new Set([...lookalikesOf(char), ...ours])].filter((c) => c !== char);
  if (field && ['date', 'digits', 'check'].includes(field.kind)) return ours.filter((c) => /[0-9]/.test(c));
  return [];
}

function substitute(lines: readonly string[], changes: readonly Change[]): string[] {
  const rows = lines.map((line) => [...line]);
  for (const { line, index, char } of changes) rows[line]![index] = char;
  return rows.map((row) => row.join(''));
}

/** Every set of `count` swaps among the positions. */
function* swapSets(
  layout: Layout,
  lines: readonly string[],
  positions: readonly Position[],
  count: number,
  from = 0,
): Generator<Change[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (let p = from; p < positions.length; p++) {
    const position = positions[p]!;
    for (const char of alternatives(layout, position, lines[position.line]!.charAt(position.index))) {
      for (const rest of swapSets(layout, lines, positions, count - 1, p + 1)) yield [{ ...position, char }, ...rest];
    }
  }
}

/** The positions a check covers (its data and its own digit). */
function positionsOf(layout: Layout, key: Key): Position[] {
  const spec = layout.checks.find((c) => c.key === key);
  if (!spec) return [];
  const positions = spec.data.flatMap(({ line, start, end }) =>
    Array.from({ length: end - start }, (_, i) => ({ line, index: start + i })),
  );
  return [...positions, spec.digit];
}

/** Letters-and-digits positions no check digit but the composite covers (optional data). */
function onlyCompositeCovers(layout: Layout): Position[] {
  const covered = new Set(
    layout.checks
      .filter((c) => c.key !== 'composite')
      .flatMap((c) => positionsOf(layout, c.key))
      .map((p) => `${p.line}:${p.index}`),
  );
  return layout.fields
    .filter((f) => f.kind === 'alnum')
    .flatMap((f) => Array.from({ length: f.end - f.start }, (_, i) => ({ line: f.line, index: f.start + i })))
    .filter((p) => !covered.has(`${p.line}:${p.index}`));
}

/** The fewest swaps inside a field (at most two) that make its own check digit hold; all of them. */
function fixesFor(layout: Layout, lines: readonly string[], key: Key, positions: readonly Position[]): Change[][] {
  for (let count = 1; count <= maxSwapsPerField; count++) {
    const fixes = [...swapSets(layout, lines, positions, count)].filter(
      (changes) => parseMrz(substitute(lines, changes)).checks[key] === true,
    );
    if (fixes.length > 0) return fixes;
  }
  return [];
}

const allHold = (lines: readonly string[]): boolean => {
  const checks = Object.values(parseMrz(lines).checks);
  return checks.length > 0 && checks.every(Boolean);
};

/**
 * Every reading the OCR text may stand for that makes every check digit hold, searched with the union
 * of the engine's look-alikes and our model's own misreadings: after the position rules, each failing
 * field takes its fewest swaps (at most two) that satisfy its own check digit, and the combinations
 * that also satisfy the composite are kept. The composite digit itself is tried last.
 *
 * The caller accepts a reading only when this finds exactly one. Both tables are needed together: a
 * misread "WS8S236" is W385236 by our table (S→3, S→5) and W5BS236 by the engine's (S→5, 8→B); both
 * satisfy the check digit, and searching one table alone would call either of them certain.
 */
export function readingsWithinConfusions(raw: readonly string[]): string[][] {
  const { lines, layout } = repairByPosition(raw);
  if (!layout || lines.some((line, i) => line.length !== layout.lineLengths[i])) return [];
  if (allHold(lines)) return [lines];
  const checks = parseMrz(lines).checks;
  const failing = (Object.keys(checks) as Key[]).filter((key) => key !== 'composite' && checks[key] === false);
  const fixSets = failing.map((key) => fixesFor(layout, lines, key, positionsOf(layout, key)));
  if (fixSets.some((set) => set.length === 0)) return [];
  if (fixSets.reduce((n, set) => n * set.length, 1) > maxCombinations) return [];
  const combos = fixSets.reduce<Change[][]>((acc, set) => acc.flatMap((a) => set.map((s) => [...a, ...s])), [[]]);

  const found = new Map<string, string[]>();
  for (const combo of combos) {
    let fixed = substitute(lines, combo);
    if (parseMrz(fixed).checks.composite === false) {
      // Blame the composite digit only when the data nothing but the composite covers (optional data)
      // holds no character the model could have misread: otherwise a misread there is as likely, and
      // swapping the digit would make a wrong reading pass (seen: optional data 0 read as O, and the
      // composite 3 "repaired" to 5).
      if (onlyCompositeCovers(layout).some((p) => alternatives(layout, p, fixed[p.line]!.charAt(p.index)).length > 0))
        continue;
      const spec = layout.checks.find((c) => c.key === 'composite');
      const fixes = spec ? fixesFor(layout, fixed, 'composite', [spec.digit]) : [];
      if (fixes.length !== 1) continue;
      fixed = substitute(fixed, fixes[0]!);
    }
    if (allHold(fixed)) found.set(fixed.join('\n'), fixed);
  }
  return [...found.values()];
}
