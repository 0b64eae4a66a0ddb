import { parseMrz, repairMrz, type MrzChecks, type MrzFormat } from '../mrz/index.js';

/**
 * Misreadings of our OCR-B model that the MRZ engine's look-alike repair does not cover, measured on
 * synthetic documents: a 3 read as S or 5, a 5 read as 3. (The engine already swaps 5/S, 0/O/D/Q,
 * 1/I/L, 2/Z, 6/G, 8/B.) Keyed by what was read, the characters it may have been.
 */
const misreadings: Readonly<Record<string, string>> = { S: '3', '5': '3', '3': '5' };

type Key = keyof MrzChecks;
/** [line, start, end) of a field together with its check digit, per check and format. */
type Fields = Partial<Record<Key, readonly [number, number, number]>>;

const twoLine: Fields = { documentNumber: [1, 0, 10], dateOfBirth: [1, 13, 20], dateOfExpiry: [1, 21, 28] };
const fieldsByFormat: Partial<Record<MrzFormat, Fields>> = {
  TD1: { documentNumber: [0, 5, 15], dateOfBirth: [1, 0, 7], dateOfExpiry: [1, 8, 15], composite: [1, 29, 30] },
  TD2: { ...twoLine, composite: [1, 35, 36] },
  TD3: { ...twoLine, personalNumber: [1, 28, 43], composite: [1, 43, 44] },
  MRVA: twoLine,
  MRVB: twoLine,
};

interface Position {
  line: number;
  index: number;
}
type Change = Position & { char: string };

/** Positions of one field (check digit included) holding a character we misread at times. */
function suspects(lines: readonly string[], [line, start, end]: readonly [number, number, number]): Position[] {
  const positions: Position[] = [];
  for (let index = start; index < end; index++) {
    if (misreadings[lines[line]?.charAt(index) ?? ''] !== undefined) positions.push({ line, index });
  }
  return positions;
}

function substitute(lines: readonly string[], changes: readonly Change[]): string[] {
  const rows = lines.map((line) => [...line]);
  for (const { line, index, char } of changes) rows[line]![index] = char;
  return rows.map((row) => row.join(''));
}

/** Every set of `count` swaps among the positions. */
function* swapSets(
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
    const { line, index } = positions[p]!;
    for (const char of misreadings[lines[line]!.charAt(index)] ?? '') {
      for (const rest of swapSets(lines, positions, count - 1, p + 1)) yield [{ line, index, char }, ...rest];
    }
  }
}

/** The one set of at most two swaps that makes the field's own check digit hold, if there is exactly one. */
function fixField(lines: readonly string[], key: Key, range: readonly [number, number, number]): Change[] | undefined {
  const positions = suspects(lines, range);
  for (const count of [1, 2]) {
    const fixes = [...swapSets(lines, positions, count)].filter(
      (changes) => parseMrz(substitute(lines, changes)).checks[key] === true,
    );
    if (fixes.length === 1) return fixes[0];
    if (fixes.length > 1) return undefined;
  }
  return undefined;
}

/**
 * Where check digits still fail after the MRZ engine's repair, tries our model's own misreadings in
 * each failing field: the field's own check digit must accept exactly one set of one or two swaps
 * (the composite is not allowed to choose between several: another misread it covers could make it
 * pick the wrong one), and afterwards every check digit, the composite included, must hold.
 * Returns the repaired lines, or undefined.
 */
export function repairMisreadings(lines: readonly string[]): string[] | undefined {
  const first = repairMrz(lines);
  if (first.valid) return undefined;
  const parse = parseMrz(first.lines);
  const fields = fieldsByFormat[parse.format] ?? {};
  const changes: Change[] = [];
  for (const [key, range] of Object.entries(fields) as Array<[Key, readonly [number, number, number]]>) {
    if (key === 'composite' || parse.checks[key] !== false) continue;
    const fix = fixField(first.lines, key, range);
    if (!fix) return undefined;
    changes.push(...fix);
  }
  let fixed = substitute(first.lines, changes);
  // The composite covers the other fields: judge its own digit only once they are fixed.
  if (fields.composite && parseMrz(fixed).checks.composite === false) {
    const fix = fixField(fixed, 'composite', fields.composite);
    if (!fix) return undefined;
    changes.push(...fix);
    fixed = substitute(fixed, fix);
  }
  if (changes.length === 0) return undefined;
  const repaired = repairMrz(fixed);
  return repaired.valid ? repaired.lines : undefined;
}
