import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238): HMAC-SHA-1, 6 digits, 30-second steps, as every
 * authenticator app reads an `otpauth://` URL by default.
 */
const stepSeconds = 30;
const digits = 6;
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new secret: 20 random bytes (160 bits, the size RFC 4226 recommends), base32 without padding. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error('Not base32.');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The time step of an instant (epoch ms). */
export const totpStep = (epochMs: number): number => Math.floor(epochMs / 1000 / stepSeconds);

/** The code of a time step (RFC 4226 HOTP with the step as counter), with a chosen digest and length. */
export function hotp(key: Buffer, counter: number, options: { algorithm?: string; digits?: number } = {}): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(options.algorithm ?? 'sha1', key)
    .update(message)
    .digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  const length = options.digits ?? digits;
  return String(binary % 10 ** length).padStart(length, '0');
}

/** The current code of a base32 secret (what an authenticator app shows). */
export function totpCode(secret: string, epochMs: number): string {
  return hotp(base32Decode(secret), totpStep(epochMs));
}

/**
 * The step whose code this is, within one step either side of now (clock drift), or undefined. The
 * caller must still refuse a step already used.
 */
export function matchTotp(secret: string, code: string, epochMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const key = base32Decode(secret);
  const now = totpStep(epochMs);
  let found: number | undefined;
  // Every candidate is compared, so the time taken does not say which one matched.
  for (const step of [now - 1, now, now + 1]) {
    if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code)) && found === undefined) found = step;
  }
  return found;
}

/** The `otpauth://` URL an authenticator app reads (as a QR code). */
export function otpauthUrl(issuer: string, account: string, secret: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(digits), period: '30' });
  return `otpauth://totp/${label}?${query.toString()}`;
}
