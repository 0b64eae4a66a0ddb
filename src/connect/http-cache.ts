/**
 * How long a fetched issuer document (discovery, JWKS) may be used without asking again, from its
 * HTTP caching headers (RFC 9111): `no-store`/`no-cache` mean "ask every time", `max-age` (minus `Age`)
 * wins over `Expires`. The result is clamped: an issuer that says nothing is asked again after the
 * default, and one that asks for a year is still asked daily, so a rotation is seen within a day.
 */
export interface FreshnessBounds {
  defaultSeconds: number;
  maxSeconds: number;
}

export const issuerDocumentFreshness: FreshnessBounds = { defaultSeconds: 300, maxSeconds: 24 * 3600 };

/** Seconds the response stays fresh (0: do not reuse it). */
export function freshSeconds(headers: Record<string, string>, now: number, bounds: FreshnessBounds): number {
  const directives = parseCacheControl(headers['cache-control'] ?? '');
  if (directives.has('no-store') || directives.has('no-cache')) return 0;
  const maxAge = directives.get('max-age');
  if (maxAge !== undefined && /^\d+$/.test(maxAge)) {
    const age = Number(headers.age ?? '0');
    return clamp(Number(maxAge) - (Number.isFinite(age) ? age : 0), bounds.maxSeconds);
  }
  if (headers.expires !== undefined) {
    const expires = Date.parse(headers.expires);
    // An Expires that is not a date means "already expired" (RFC 9111 5.3).
    if (Number.isNaN(expires)) return 0;
    const date = headers.date === undefined ? NaN : Date.parse(headers.date);
    // Relative to the server's own Date when given, so that a skewed clock on either side does not matter.
    return clamp(Math.floor((expires - (Number.isNaN(date) ? now : date)) / 1000), bounds.maxSeconds);
  }
  return bounds.defaultSeconds;
}

function clamp(seconds: number, max: number): number {
  return Math.max(0, Math.min(seconds, max));
}

function parseCacheControl(value: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of value.split(',')) {
    const [name, raw] = part.trim().split('=', 2);
    if (name) directives.set(name.toLowerCase(), (raw ?? '').replace(/^"|"$/g, ''));
  }
  return directives;
}
