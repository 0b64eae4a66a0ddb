import { compareValues } from './algorithms.js';
import { readField, type FieldValue } from './field-values.js';
import { normalize } from './normalizations.js';
import type { FieldConfiguration, FieldMatchResult, NodeValues } from './types.js';

type Side = 'source' | 'target';

/**
 * The Levenshtein distance costs length × length: a value longer than any name, date or number (a
 * vendor claim holding a document, say) is reported instead of compared, so one match stays cheap.
 */
export const maxComparedLength = 1024;

interface SideValue {
  value?: string;
  normalized?: string;
  problem?: string;
  missing: boolean;
}

function sideValue(node: NodeValues, field: string, side: Side, config: FieldConfiguration): SideValue {
  if (!node.available) return { missing: true, problem: `Field not present in ${side}: ${node.reason}.` };
  const found: FieldValue = readField(node.values, field);
  switch (found.kind) {
    case 'missing':
      return { missing: true, problem: `Field not present in ${side}.` };
    case 'notText':
      return { missing: false, problem: `Field ${field} in ${side} is not a text value.` };
    case 'text': {
      if (found.text.length > maxComparedLength) {
        return { missing: false, problem: `Field in ${side} is longer than ${maxComparedLength} characters.` };
      }
      const normalized = normalize(found.text, config.normalization);
      if (normalized === '') {
        // Comparing two empty strings would call them an exact match.
        const problem = `Field in ${side} is empty after the ${config.normalization} normalization.`;
        return { missing: false, value: found.text, normalized, problem };
      }
      return { missing: false, value: found.text, normalized };
    }
  }
}

/**
 * Matches one configured field between the two sides. Missing or unusable data is reported in the
 * field's `error` (both flags false), never thrown: one absent field must not hide the others.
 */
export function matchField(config: FieldConfiguration, source: NodeValues, target: NodeValues): FieldMatchResult {
  const from = sideValue(source, config.sourceField, 'source', config);
  const to = sideValue(target, config.targetField, 'target', config);
  // Built by assignment rather than by spreading optional parts: this runs for every field of every
  // match, and spreads made most of its time (bench/matching).
  const result: FieldMatchResult = {
    algorithm: config.algorithm,
    normalization: config.normalization,
    exactMatch: false,
    partialMatch: false,
  };
  if (from.value !== undefined) result.sourceValue = from.value;
  if (to.value !== undefined) result.targetValue = to.value;
  if (from.normalized !== undefined) result.sourceNormalized = from.normalized;
  if (to.normalized !== undefined) result.targetNormalized = to.normalized;
  if (from.problem !== undefined || to.problem !== undefined) {
    const bothAbsent = from.missing && to.missing && source.available && target.available;
    result.error = bothAbsent
      ? 'Field not present in source/target.'
      : [from.problem, to.problem].filter((p) => p !== undefined).join(' ');
    return result;
  }
  const comparison = compareValues(from.normalized!, to.normalized!, config.algorithm);
  result.editDistance = comparison.editDistance;
  result.exactMatch = comparison.exactMatch;
  result.partialMatch = comparison.partialMatch;
  return result;
}

/** Matches every configured field; the result is keyed by field id, in the configuration's order. */
export function matchFields(
  fields: readonly FieldConfiguration[],
  source: NodeValues,
  target: NodeValues,
): Record<string, FieldMatchResult> {
  return Object.fromEntries(fields.map((field) => [field.id, matchField(field, source, target)]));
}
