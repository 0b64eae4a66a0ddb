import { normaliseLines } from './alphabet.js';
import { allHold, evaluateChecks } from './checks.js';
import { parseIsoDate, todayUtc } from './dates.js';
import { detectLayout } from './detect.js';
import { readFields, readRaw, resolveDates } from './fields.js';
import { structureProblems } from './structure.js';
import type { MrzParse, ParseMrzOptions } from './types.js';
import { validate } from './validation.js';

function unrecognised(lines: string[], problem: string): MrzParse {
  return {
    format: 'unknown',
    lines,
    fields: {
      documentCode: '',
      issuingState: '',
      documentNumber: '',
      dateOfBirth: null,
      sex: null,
      dateOfExpiry: null,
      nationality: null,
      surname: '',
      givenNames: '',
      optionalData: '',
    },
    raw: {},
    checks: {},
    validation: {
      datesReal: false,
      notExpired: false,
      ofAge: false,
      knownIssuingState: false,
      knownNationality: false,
    },
    valid: false,
    problems: [problem],
  };
}

/**
 * Parses and checks a machine-readable zone: TD1, TD2, TD3, MRV-A, MRV-B, and the French ID card and
 * French and Swiss driving licences. Never throws on bad text: an unreadable zone comes back as format
 * 'unknown' with the reason in `problems`.
 *
 * @example
 * parseMrz(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'])
 *   // { format: 'TD3', fields: { documentNumber: 'L898902C3', dateOfBirth: '1974-08-12', ... }, valid: true }
 * @throws RangeError when `options.today` is not a YYYY-MM-DD date
 */
export function parseMrz(input: string | readonly string[], options: ParseMrzOptions = {}): MrzParse {
  const today = options.today === undefined ? todayUtc() : parseIsoDate(options.today);
  const minimumAge = options.minimumAge ?? 18;
  const lines = normaliseLines(input);
  const { layout, problem } = detectLayout(lines);
  if (!layout) return unrecognised(lines, problem);

  const raw = readRaw(layout, lines);
  const { checks, problems: checkProblems, longNumber } = evaluateChecks(layout, lines);
  const shapeProblems = structureProblems(layout, raw);
  const dates = resolveDates(raw, today);
  const { validation, problems: verdicts } = validate({ raw, dates, today, minimumAge });
  return {
    format: layout.format,
    lines,
    fields: readFields(raw, dates, longNumber),
    raw,
    checks,
    validation,
    valid: shapeProblems.length === 0 && allHold(checks),
    problems: [...shapeProblems, ...checkProblems, ...verdicts],
  };
}
