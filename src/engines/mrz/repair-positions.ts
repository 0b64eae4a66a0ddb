import type { FieldKind, Layout } from './layouts.js';
import { digitFor, letterFor } from './lookalikes.js';

const letterKinds: ReadonlySet<FieldKind> = new Set(['code', 'country', 'name']);
const digitKinds: ReadonlySet<FieldKind> = new Set(['date', 'digits', 'check']);

/**
 * First repair step: a position that only takes digits cannot hold an O, one that only takes letters
 * cannot hold a 0. Alphanumeric fields (document numbers, optional data) are left to the check digits.
 */
export function applyPositionRules(layout: Layout, lines: readonly string[]): { lines: string[]; corrections: number } {
  const chars = lines.map((line) => [...line]);
  let corrections = 0;
  for (const spec of layout.fields) {
    const replace = letterKinds.has(spec.kind) ? letterFor : digitKinds.has(spec.kind) ? digitFor : null;
    const row = chars[spec.line];
    if (!replace || !row) continue;
    for (let i = spec.start; i < spec.end && i < row.length; i++) {
      const replacement = replace(row[i]!);
      if (replacement === undefined) continue;
      row[i] = replacement;
      corrections++;
    }
  }
  return { lines: chars.map((row) => row.join('')), corrections };
}
