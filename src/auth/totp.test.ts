import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, totpCode, totpStep } from './totp.js';

// RFC 6238, appendix B: T0 = 0, X = 30, 8 digits, the three digests with their seeds.
const seeds = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const vectors: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP', () => {
  it.each(vectors)('matches the RFC 6238 test vectors at %i s', (seconds, sha1, sha256, sha512) => {
    const step = totpStep(seconds * 1000);
    expect(hotp(seeds.sha1, step, { digits: 8 })).toBe(sha1);
    expect(hotp(seeds.sha256, step, { algorithm: 'sha256', digits: 8 })).toBe(sha256);
    expect(hotp(seeds.sha512, step, { algorithm: 'sha512', digits: 8 })).toBe(sha512);
  });

  it('reads the six-digit code of a base32 secret, one step either side of now', () => {
    const secret = base32Encode(seeds.sha1);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret)).toEqual(seeds.sha1);
    const now = 1111111111_000;
    expect(totpCode(secret, now)).toBe('050471');
    expect(matchTotp(secret, '050471', now)).toBe(totpStep(now));
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(totpStep(now) - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(totpStep(now) + 1);
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now)).toBeUndefined();
    expect(matchTotp(secret, '12345', now)).toBeUndefined();
  });
});
