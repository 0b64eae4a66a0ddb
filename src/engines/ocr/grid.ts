import { insertedFillerConfidence, type ReadLine } from './line-shapes.js';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Distance between neighbouring characters at a point of the line. OCR-B in an MRZ is fixed pitch,
 * but seen in perspective the pitch grows or shrinks along the line (by 15% in a tilted photo), so it
 * is fitted as a straight line of x over the single steps between symbols.
 */
function pitchModel(lines: readonly ReadLine[]): ((x: number) => number) | undefined {
  const steps = lines.flatMap((line) =>
    line.centres.slice(1).map((c, i) => ({ x: (c + line.centres[i]!) / 2, step: c - line.centres[i]! })),
  );
  const rough = median(steps.map((s) => s.step));
  // Steps over a missed character are two pitches, steps from a stray mark anything: keep single ones.
  const single = steps.filter((s) => s.step > 0.6 * rough && s.step < 1.4 * rough);
  if (single.length < 4) return rough > 0 ? () => rough : undefined;
  const n = single.length;
  const mx = single.reduce((sum, s) => sum + s.x, 0) / n;
  const my = single.reduce((sum, s) => sum + s.step, 0) / n;
  const sxx = single.reduce((sum, s) => sum + (s.x - mx) ** 2, 0);
  const slope = sxx > 0 ? single.reduce((sum, s) => sum + (s.x - mx) * (s.step - my), 0) / sxx : 0;
  return (x) => Math.max(0.5 * my, my + slope * (x - mx));
}

/** Cell index of each symbol, counting from the line's first symbol by the gaps between them. */
function cellsOf(line: ReadLine, pitch: (x: number) => number): number[] {
  const cells = [0];
  for (let i = 1; i < line.centres.length; i++) {
    const [a, b] = [line.centres[i - 1]!, line.centres[i]!];
    cells.push(cells[i - 1]! + Math.max(1, Math.round((b - a) / pitch((a + b) / 2))));
  }
  return cells;
}

/**
 * Puts each symbol of the lines into its cell of the MRZ grid (all lines share the left edge and the
 * pitch): a mark read left or right of the zone (a card edge, a smudge) falls outside and is dropped,
 * a character the OCR missed leaves an empty cell that becomes a filler. Undefined when the symbols
 * do not sit on a grid (no pitch, or lines that cannot be aligned).
 */
export function alignToGrid(lines: readonly ReadLine[], length: number): ReadLine[] | undefined {
  if (lines.some((l) => l.centres.length < 2 || l.centres.some(Number.isNaN))) return undefined;
  const pitch = pitchModel(lines);
  if (!pitch) return undefined;
  // Where cell 0 is: each line says it twice, once if its first symbol starts the line, once if its
  // last symbol ends it. The place most of them agree on wins (a stray mark or a missed character
  // spoils only one of a line's two votes); on a tie the rightmost, since stray marks sit left.
  const votes = lines.flatMap((line) => {
    const first = line.centres[0]!;
    const cells = cellsOf(line, pitch);
    return [first, first - (length - 1 - cells[cells.length - 1]!) * pitch(first)];
  });
  let start = votes[0]!;
  let support = 0;
  for (const x of votes) {
    const agree = votes.filter((y) => Math.abs(y - x) < pitch(x) / 2).length;
    if (agree > support || (agree === support && x > start)) [start, support] = [x, agree];
  }
  return lines.map((line) => {
    const first = line.centres[0]!;
    const offset = Math.round((first - start) / pitch((first + start) / 2));
    const cells = cellsOf(line, pitch).map((c) => c + offset);
    const text = new Array<string>(length).fill('<');
    const confidences = new Array<number>(length).fill(insertedFillerConfidence);
    const centres = new Array<number>(length).fill(Number.NaN);
    const taken = new Array<boolean>(length).fill(false);
    cells.forEach((cell, i) => {
      if (cell < 0 || cell >= length || taken[cell]) return;
      taken[cell] = true;
      text[cell] = line.text.charAt(i);
      confidences[cell] = line.confidences[i]!;
      centres[cell] = line.centres[i]!;
    });
    return { text: text.join(''), confidences, centres };
  });
}
