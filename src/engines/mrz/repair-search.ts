import { FILLER } from './alphabet.js';
import { allHold, evaluateChecks } from './checks.js';
import type { CheckSpec, Layout } from './layouts.js';
import { lookalikesOf } from './lookalikes.js';

export interface Substitution {
  line: number;
  index: number;
  char: string;
}
type Position = Omit<Substitution, 'char'>;

/** More look-alike substitutions per field than this would let the check digit pick almost anything. */
const maxSubstitutionsPerField = 2;
/** Beyond this many combinations the reading is hopelessly ambiguous; give up rather than guess. */
const maxCombinations = 1000;

const apply = (lines: readonly string[], substitutions: readonly Substitution[]): string[] => {
  const chars = lines.map((line) => [...line]);
  for (const { line, index, char } of substitutions) chars[line]![index] = char;
  return chars.map((row) => row.join(''));
};

/** Positions of a check's data that take letters and digits alike: only there can a look-alike be swapped. */
function alnumPositions(layout: Layout, spec: CheckSpec, lines: readonly string[]): Position[] {
  const positions: Position[] = [];
  for (const slice of spec.data) {
    for (const field of layout.fields) {
      if (field.kind !== 'alnum' || field.line !== slice.line) continue;
      for (let i = Math.max(field.start, slice.start); i < Math.min(field.end, slice.end); i++) {
        positions.push({ line: field.line, index: i });
      }
    }
  }
  const overflow = spec.overflowInto;
  if (overflow && lines[spec.digit.line]?.charAt(spec.digit.index) === FILLER) {
    // A long document number continues up to the first filler of the optional data, check digit included.
    const text = lines[overflow.line]!.slice(overflow.start, overflow.end);
    const run = /^[^<]*/.exec(text)?.[0].length ?? 0;
    for (let i = 0; i < run; i++) positions.push({ line: overflow.line, index: overflow.start + i });
  }
  return positions;
}

/** Every way to swap exactly `count` of the positions for look-alikes. */
function* variants(
  lines: readonly string[],
  positions: readonly Position[],
  count: number,
  from = 0,
): Generator<Substitution[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (let p = from; p < positions.length; p++) {
    const { line, index } = positions[p]!;
    for (const char of lookalikesOf(lines[line]!.charAt(index))) {
      for (const rest of variants(lines, positions, count - 1, p + 1)) yield [{ line, index, char }, ...rest];
    }
  }
}

/** The fewest look-alike swaps in the check's own field that make its check digit hold. */
function candidatesFor(layout: Layout, spec: CheckSpec, lines: readonly string[]): Substitution[][] {
  const positions = alnumPositions(layout, spec, lines);
  for (let count = 1; count <= maxSubstitutionsPerField; count++) {
    const found = [...variants(lines, positions, count)].filter(
      (substitutions) => evaluateChecks(layout, apply(lines, substitutions)).checks[spec.key] === true,
    );
    if (found.length > 0) return found;
  }
  return [];
}

const product = (sets: readonly Substitution[][][]): Substitution[][] =>
  sets.reduce<Substitution[][]>((combos, set) => combos.flatMap((combo) => set.map((c) => [...combo, ...c])), [[]]);

/**
 * Second repair step: where a check digit fails, swap look-alikes inside the field it protects, and
 * keep the result only when exactly one combination makes every check digit hold (the composite
 * included). Returns null when nothing or more than one reading would fit.
 *
 * Optional data that only the composite covers is not searched: when the composite alone fails, a
 * misread composite digit is as likely as a misread optional character, and one check digit over a
 * dozen look-alike positions picks a wrong "unique" fix about a third of the time.
 */
export function searchLookalikes(layout: Layout, lines: readonly string[]): Substitution[] | null {
  const { checks } = evaluateChecks(layout, lines);
  if (allHold(checks)) return [];
  const failing = layout.checks.filter((spec) => spec.key !== 'composite' && checks[spec.key] === false);
  const candidateSets = failing.map((spec) => candidatesFor(layout, spec, lines));
  if (candidateSets.some((set) => set.length === 0)) return null;
  if (candidateSets.reduce((n, set) => n * set.length, 1) > maxCombinations) return null;

  const holding = product(candidateSets).filter((combo) => allHold(evaluateChecks(layout, apply(lines, combo)).checks));
  return holding.length === 1 ? holding[0]! : null;
}
