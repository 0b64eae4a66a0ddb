import { FILLER } from './alphabet.js';
import { checkDigitOf } from './check-digit.js';
import { type DocumentNumberCheck, checkLongDocumentNumber } from './document-number.js';
import { type CheckSpec, type Layout, textOf } from './layouts.js';
import type { MrzChecks } from './types.js';

export interface CheckResults {
  checks: MrzChecks;
  problems: string[];
  /** Set when the document number overflows into the optional data (TD1, TD2). */
  longNumber: DocumentNumberCheck | null;
}

function evaluate(spec: CheckSpec, lines: readonly string[]): { holds: boolean; problem: string | null } {
  const data = spec.data.map((slice) => textOf(lines, slice)).join('');
  const printed = lines[spec.digit.line]?.charAt(spec.digit.index) ?? '';
  if (spec.fillerWhenEmpty && printed === FILLER) {
    const empty = /^<*$/.test(data);
    return { holds: empty, problem: empty ? null : `${spec.key}: check digit '<' is only allowed for an empty field` };
  }
  if (!/^[0-9]$/.test(printed))
    return { holds: false, problem: `${spec.key}: check digit '${printed}' is not a digit` };
  const computed = checkDigitOf(data);
  if (computed === null) {
    return { holds: false, problem: `${spec.key}: no check digit can be computed over characters outside A-Z, 0-9, <` };
  }
  if (String(computed) === printed) return { holds: true, problem: null };
  return { holds: false, problem: `${spec.key}: check digit ${printed} does not match the computed ${computed}` };
}

/** Every check digit of the layout, evaluated on the lines as they stand. */
export function evaluateChecks(layout: Layout, lines: readonly string[]): CheckResults {
  const checks: MrzChecks = {};
  const problems: string[] = [];
  let longNumber: DocumentNumberCheck | null = null;
  for (const spec of layout.checks) {
    const long = spec.key === 'documentNumber' ? checkLongDocumentNumber(spec, lines) : null;
    if (long) longNumber = long;
    const { holds, problem } = long ?? evaluate(spec, lines);
    checks[spec.key] = holds;
    if (problem) problems.push(problem);
  }
  return { checks, problems, longNumber };
}

export const allHold = (checks: MrzChecks): boolean => Object.values(checks).every(Boolean);
