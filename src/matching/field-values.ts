/** What a data node holds under a field name. */
export type FieldValue = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'notText' };

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own properties only: a field named "constructor" or "__proto__" must not reach Object.prototype. */
const own = (record: Readonly<Record<string, unknown>>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * The value of a field: the property of that exact name (OIDC claims such as "signicat.national_id"
 * contain dots), otherwise a dotted path into nested objects ("address.country"). Numbers and booleans
 * are compared as their text; an empty string or null is missing; objects and lists are not text.
 */
export function readField(values: Readonly<Record<string, unknown>>, field: string): FieldValue {
  let value = own(values, field);
  if (value === undefined && field.includes('.')) {
    value = field.split('.').reduce<unknown>((node, key) => (isRecord(node) ? own(node, key) : undefined), values);
  }
  if (value === undefined || value === null) return { kind: 'missing' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'missing' } : { kind: 'text', text: value };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'text', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  return { kind: 'notText' };
}
