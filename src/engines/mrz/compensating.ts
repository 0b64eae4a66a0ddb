import { evaluateChecks } from './checks.js';
import { detectLayout } from './detect.js';
import type { FieldSpec } from './layouts.js';
import { lookalikesOf } from './lookalikes.js';

const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isLetter = (char: string): boolean => char >= 'A' && char <= 'Z';

interface Swap {
  line: number;
  index: number;
  char: string;
}

/**
 * The look-alikes a model misreads in pairs (0/O/D/Q, 5/S, 8/B, 2/Z). 1/I/L and 6/G are left out:
 * L for 1 and G for 6 never change a check sum (20 and 10 per position), so any document number
 * with an L or G among digits would be refused, and issuers print those (German card numbers).
 */
const compensating = new Set('0ODQ5S8B2Z');

type Kind = 'digit' | 'letter' | 'edge';
const kindOf = (char: string): Kind => (isDigit(char) ? 'digit' : isLetter(char) ? 'letter' : 'edge');

/**
 * Whether turning the character at `index` into `into` puts it back among its kind: the nearest
 * character before it that is not turned too is of that kind, and the nearest after it is too or the
 * field ends there (fillers end it). Document numbers mix letters and digits, and a letter prefix
 * (`L898902C3`) is how issuers print them; a look-alike letter wedged into a run of digits (`6SD4`, or
 * `6SD` at the end) is how a misread looks.
 */
function wedged(field: FieldSpec, line: string, index: number, into: string, turned: ReadonlySet<number>): boolean {
  const wanted = kindOf(into);
  if (wanted === 'edge' || wanted === kindOf(line.charAt(index))) return false;
  const side = (step: number): Kind => {
    let i = index + step;
    while (turned.has(i)) i += step;
    return i >= field.start && i < field.end ? kindOf(line.charAt(i)) : 'edge';
  };
  const after = side(1);
  return side(-1) === wanted && (after === wanted || after === 'edge');
}

/**
 * A reading the check digits cannot tell from this one, found by two look-alike swaps in the document
 * number, each putting a letter back among digits or a digit among letters (optional data is left
 * alone: issuers fill it with random letters and digits). Look-alikes can compensate each other in a check sum: 5 read as S
 * (+23) at weight 7 and 0 read as D (+13) at weight 3 add 200, so `…6SD…` for `…650…` satisfies every
 * check digit. When such a rival exists, the check digits do not settle the reading, however
 * confident the OCR was, and the reader must not call it valid. Returns the rival, or null.
 */
export function compensatingRival(lines: readonly string[]): string[] | null {
  const { layout } = detectLayout(lines);
  if (!layout) return null;
  const holds = (candidate: readonly string[]): boolean => {
    const checks = Object.values(evaluateChecks(layout, candidate).checks);
    return checks.length > 0 && checks.every(Boolean);
  };
  if (!holds(lines)) return null;
  const apply = (swaps: readonly Swap[]): string[] =>
    lines.map((text, line) => {
      const chars = [...text];
      for (const swap of swaps) if (swap.line === line) chars[swap.index] = swap.char;
      return chars.join('');
    });
  for (const field of layout.fields) {
    if (field.key !== 'documentNumber') continue;
    const text = lines[field.line] ?? '';
    const swaps: Swap[] = [];
    for (let index = field.start; index < field.end; index++) {
      for (const char of lookalikesOf(text.charAt(index))) {
        if (compensating.has(char) && compensating.has(text.charAt(index)))
          swaps.push({ line: field.line, index, char });
      }
    }
    for (let a = 0; a < swaps.length; a++) {
      const first = swaps[a]!;
      for (let b = a + 1; b < swaps.length; b++) {
        const second = swaps[b]!;
        if (second.index === first.index) continue;
        const bothWedged =
          wedged(field, text, first.index, first.char, new Set([second.index])) &&
          wedged(field, text, second.index, second.char, new Set([first.index]));
        if (bothWedged && holds(apply([first, second]))) return apply([first, second]);
      }
    }
  }
  return null;
}
