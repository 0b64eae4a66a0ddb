import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Capture links and sessions are bearer secrets: 256 random bits, base64url (43 characters). Only
 * their SHA-256 is stored, so a read of the database does not hand out live links.
 */
export const newCaptureToken = (): string => randomBytes(32).toString('base64url');

export const hashCaptureToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const isCaptureTokenShape = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);

/** Compares two tokens in constant time (a CSRF token against the session's). */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
