import type { FieldKind, FieldSpec, Layout } from './layouts.js';
import { splitNameField } from './names.js';

/** Characters each kind of position may hold; check digits are judged by the checks themselves. */
const kinds: Record<Exclude<FieldKind, 'check'>, { test: RegExp; expected: string }> = {
  code: { test: /^[A-Z][A-Z<]$/, expected: "a letter followed by a letter or '<'" },
  country: { test: /^(?:[A-Z]{3}|[A-Z]{2}<|[A-Z]<<)$/, expected: "three letters, or fewer padded with '<'" },
  alnum: { test: /^[A-Z0-9<]*$/, expected: "letters, digits and '<' only" },
  date: { test: /^[0-9<]{6}$/, expected: 'six digits (YYMMDD)' },
  digits: { test: /^[0-9]*$/, expected: 'digits only' },
  sex: { test: /^[MFX<]$/, expected: "M, F, X or '<'" },
  name: { test: /^[A-Z<]*$/, expected: "letters and '<' only" },
  filler: { test: /^<*$/, expected: "'<' only" },
  literal: { test: /^[A-Z0-9<]*$/, expected: "letters, digits and '<' only" },
};

function fieldProblems(spec: FieldSpec, text: string): string[] {
  if (spec.kind === 'check') return [];
  if (spec.key === 'names') {
    // Report a bad name character against the part it is in, so that a caller can point at it.
    const parts = splitNameField(text);
    const problems = [
      ...fieldProblems({ ...spec, key: 'surname' }, parts.rawSurname),
      ...fieldProblems({ ...spec, key: 'givenNames' }, parts.rawGivenNames),
    ];
    if (!parts.surname && !parts.givenNames) problems.push('names: the name field is empty');
    return problems;
  }
  const problems: string[] = [];
  const kind = kinds[spec.kind];
  if (!kind.test.test(text)) problems.push(`${spec.key}: '${text}' should hold ${kind.expected}`);
  else if (spec.pattern && !spec.pattern.test.test(text)) {
    problems.push(`${spec.key}: '${text}' is expected ${spec.pattern.expected}`);
  }
  if (spec.key === 'documentNumber' && /^<*$/.test(text)) problems.push('documentNumber: the field is empty');
  return problems;
}

/** Characters that the position of each field does not allow, one problem per field. */
export function structureProblems(layout: Layout, raw: Readonly<Record<string, string>>): string[] {
  return layout.fields.flatMap((spec) => fieldProblems(spec, raw[spec.key] ?? ''));
}
