/**
 * Small parsers for the capture configuration's fields. Each takes a value as a client sent it and
 * returns the normal form, or reports a problem naming the field. They accept the forms upstream's own
 * documents use besides the schema's (lists written as "[mobile, desktop]", booleans and numbers
 * written as strings), because clients copy those documents.
 */
export interface Problems {
  add(path: string, message: string): void;
}

/** The normal form of a value, or undefined after reporting a problem. */
export type FieldParser<T> = (value: unknown, path: string, problems: Problems) => T | undefined;

export const text =
  (maxLength: number): FieldParser<string> =>
  (value, path, problems) => {
    if (typeof value !== 'string') return void problems.add(path, 'must be a string');
    if (value.length > maxLength) return void problems.add(path, `must be at most ${maxLength} characters`);
    return value;
  };

export const flag: FieldParser<boolean> = (value, path, problems) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return void problems.add(path, 'must be true or false');
};

export const integer =
  (min: number, max: number): FieldParser<number> =>
  (value, path, problems) => {
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
      return void problems.add(path, `must be a whole number from ${min} to ${max}`);
    }
    return number;
  };

/** A list as an array, or as upstream's defaults write one: "[ sms, qrCode ]" or "sms, qrCode". */
function listItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  const inner = value.trim().replace(/^\[(.*)\]$/s, '$1');
  return inner
    .split(',')
    .map((item) => item.trim().replace(/^["'](.*)["']$/, '$1'))
    .filter((item) => item !== '');
}

/** A list of distinct values, each checked by `item`; duplicates are dropped, order kept. */
export const list =
  <T>(item: FieldParser<T>, maxItems = 500): FieldParser<T[]> =>
  (value, path, problems) => {
    const items = listItems(value);
    if (!items) return void problems.add(path, 'must be a list');
    if (items.length > maxItems) return void problems.add(path, `must have at most ${maxItems} items`);
    const parsed: T[] = [];
    let ok = true;
    items.forEach((raw, index) => {
      const one = item(raw, `${path}.${index}`, problems);
      if (one === undefined) ok = false;
      else if (!parsed.includes(one)) parsed.push(one);
    });
    return ok ? parsed : undefined;
  };

export const oneOf =
  <const T extends string>(values: readonly T[]): FieldParser<T> =>
  (value, path, problems) => {
    const match = values.find((v) => typeof value === 'string' && v.toLowerCase() === value.trim().toLowerCase());
    if (match === undefined) return void problems.add(path, `must be one of ${values.join(', ')}`);
    return match;
  };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any JSON object, kept as given but bounded in size (provider blocks this server stores but does not use). */
export const jsonObject =
  (maxBytes: number): FieldParser<Record<string, unknown>> =>
  (value, path, problems) => {
    if (!isPlainObject(value)) return void problems.add(path, 'must be an object');
    if (Buffer.byteLength(JSON.stringify(value)) > maxBytes) {
      return void problems.add(path, `must be at most ${maxBytes / 1024} KB of JSON`);
    }
    return value;
  };

/** An http(s) URL without credentials; where it may point is checked when it is fetched. */
export const webUrl: FieldParser<string> = (value, path, problems) => {
  if (typeof value !== 'string' || value.length > 2048) return void problems.add(path, 'must be a URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return void problems.add(path, 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return void problems.add(path, 'must be an http(s) URL');
  if (url.username || url.password) return void problems.add(path, 'must not contain a user name or password');
  return value;
};
