import type { Json } from '../../core/domain.js';

/** `supported_document` → `supportedDocument`. */
export const camelCase = (key: string): string =>
  key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * Onfido's nested breakdowns with Assure's camelCase keys. Nulls (checks Onfido did not run) are left
 * out, as Assure leaves out every absent value.
 */
export function camelCaseDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseDeep);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== null && item !== undefined)
    .map(([key, item]) => [camelCase(key), camelCaseDeep(item)]);
  return Object.fromEntries(entries) as Json;
}
