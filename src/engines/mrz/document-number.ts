import { FILLER, withoutFillers } from './alphabet.js';
import { checkDigitHolds, checkDigitOf } from './check-digit.js';
import { type CheckSpec, textOf } from './layouts.js';

export interface DocumentNumberCheck {
  holds: boolean;
  problem: string | null;
  /** Characters of the document number continued in the optional data (its check digit excluded). */
  overflow: string;
  /** Optional-data characters the overflow takes, check digit included; the optional data starts after. */
  overflowLength: number;
}

/**
 * TD1 and TD2 (ICAO 9303 Parts 5 and 6): a document number longer than 9 characters puts '<' where its
 * check digit would be and continues at the start of the optional data, followed by the check digit of
 * the whole number and a filler.
 */
export function checkLongDocumentNumber(spec: CheckSpec, lines: readonly string[]): DocumentNumberCheck | null {
  const printed = lines[spec.digit.line]?.charAt(spec.digit.index);
  if (!spec.overflowInto || printed !== FILLER) return null;
  const head = spec.data.map((slice) => textOf(lines, slice)).join('');
  const run = /^[^<]*/.exec(textOf(lines, spec.overflowInto))?.[0] ?? '';
  if (run.length < 2) {
    const problem =
      "documentNumber: the check digit position holds '<' but the optional data does not continue the number";
    return { holds: false, problem, overflow: '', overflowLength: 0 };
  }
  const overflow = run.slice(0, -1);
  const digit = run.slice(-1);
  // Issuers differ on whether the '<' between the two parts is computed over (Belgian specimens do
  // both); it weighs 0 but shifts the weights of what follows, so the results differ: accept either.
  const holds = checkDigitHolds(`${head}${overflow}`, digit) || checkDigitHolds(`${head}${FILLER}${overflow}`, digit);
  const computed = checkDigitOf(`${head}${overflow}`);
  const problem = holds
    ? null
    : `documentNumber: check digit ${digit} after the overflow does not match the computed ${computed ?? 'none'}`;
  return { holds, problem, overflow, overflowLength: run.length };
}

/** The document number as a person reads it: fillers dropped, the overflow appended. */
export function documentNumberText(head: string, longNumber: DocumentNumberCheck | null): string {
  return withoutFillers(head) + (longNumber?.overflow ?? '');
}
