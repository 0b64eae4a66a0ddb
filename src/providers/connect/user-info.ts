/**
 * The three contractual formats of a Connect `userInfo`. Only JSON and a signed (not encrypted) JWT can
 * be read: an encrypted one needs the customer's private key, which Assure does not hold.
 */
export type UserInfo =
  | { format: 'json'; claims: Record<string, unknown> }
  | { format: 'jws'; claims: Record<string, unknown> }
  | { format: 'jwe' };

const base64url = /^[A-Za-z0-9_-]*$/;

/** Reads a `userInfo` value; a string says why it is in none of the formats. */
export function readUserInfo(value: Record<string, unknown> | string): UserInfo | string {
  if (typeof value !== 'string') return { format: 'json', claims: value };
  const parts = value.split('.');
  if (!parts.every((part) => base64url.test(part))) return 'userInfo is not a compact JWT.';
  const header = decodeJsonObject(parts[0]!);
  if (!header) return 'userInfo has no readable JWT header.';
  // RFC 7516 §9: five parts and an `enc` header make a JWE, three parts without `enc` a JWS.
  if (parts.length === 5 && typeof header.enc === 'string') return { format: 'jwe' };
  if (parts.length === 3 && header.enc === undefined) {
    // The signature cannot be verified here: the broker's signing keys are not available offline, and
    // the broker delivered the token to Assure over its own authenticated channel.
    const claims = decodeJsonObject(parts[1]!);
    return claims ? { format: 'jws', claims } : 'userInfo is a JWS whose payload is not a JSON object.';
  }
  return 'userInfo is neither a JWS (3 parts) nor a JWE (5 parts with enc).';
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  if (part === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
