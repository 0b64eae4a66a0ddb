import type { Algorithm, FieldConfiguration, Normalization } from './types.js';

/** A field as a client sends it: only the id is needed, the rest has defaults. */
export interface FieldConfigurationInput {
  id: string;
  sourceField?: string;
  targetField?: string;
  normalization?: Normalization;
  algorithm?: Algorithm;
}

/** What a field that names no normalization or algorithm gets: the values as they are, by distance. */
const defaultNormalization: Normalization = 'none';
const defaultAlgorithm: Algorithm = 'levenshtein';

export type ResolvedFields = { ok: true; fields: FieldConfiguration[] } | { ok: false; problems: string[] };

/**
 * The stored form of a configuration's fields, every default written out so that reading it back shows
 * exactly what a match will do: `sourceField` defaults to the id, `targetField` to the source field.
 * Gives the problems instead when the fields cannot make one match result (two fields with one id).
 */
export function resolveFields(inputs: readonly FieldConfigurationInput[]): ResolvedFields {
  const seen = new Set<string>();
  const problems: string[] = [];
  inputs.forEach((input, index) => {
    if (seen.has(input.id)) problems.push(`body.fields.${index}.id "${input.id}" is used by an earlier field.`);
    seen.add(input.id);
  });
  if (problems.length > 0) return { ok: false, problems };
  const fields = inputs.map((input) => {
    const sourceField = input.sourceField ?? input.id;
    return {
      id: input.id,
      sourceField,
      targetField: input.targetField ?? sourceField,
      normalization: input.normalization ?? defaultNormalization,
      algorithm: input.algorithm ?? defaultAlgorithm,
    };
  });
  return { ok: true, fields };
}
