import { constants, createHash, publicDecrypt, type KeyObject } from 'node:crypto';
import { check, type Check } from './report.js';
import { verifySignature } from './signature.js';

/** ISO/IEC 9796-2 trailers: `BC` is SHA-1, `xxCC` names the hash by ISO/IEC 10118 number. */
const trailerHashes: Record<number, string> = {
  0x33: 'sha1',
  0x34: 'sha256',
  0x35: 'sha512',
  0x36: 'sha384',
  0x38: 'sha224',
};
const hashLengths: Record<string, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

const bigintOf = (bytes: Buffer): bigint => BigInt(`0x${bytes.toString('hex') || '0'}`);

function bytesOf(value: bigint, length: number): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

/** The message representative of an RSA signature, s^e mod n; ISO 9796-2 may send n − s instead of s. */
function representatives(key: KeyObject, signature: Buffer): Buffer[] {
  const jwk = key.export({ format: 'jwk' });
  const modulus = Buffer.from(jwk.n ?? '', 'base64url');
  if (signature.length !== modulus.length) return [];
  const padded = signature;
  const direct = publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, padded);
  const complement = bytesOf(bigintOf(modulus) - bigintOf(signature), modulus.length);
  const other =
    bigintOf(complement) > 0n ? [publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, complement)] : [];
  return [direct, ...other];
}

/** ISO/IEC 9796-2 digital signature scheme 1 (partial message recovery), as RSA AA chips sign. */
function verifyIso9796(key: KeyObject, challenge: Buffer, signature: Buffer): boolean {
  return representatives(key, signature).some((m) => {
    if (m[0] !== 0x6a) return false;
    const last = m[m.length - 1];
    const hash = last === 0xbc ? 'sha1' : last === 0xcc ? trailerHashes[m[m.length - 2] ?? 0] : undefined;
    if (!hash) return false;
    const trailer = last === 0xbc ? 1 : 2;
    const digestLength = hashLengths[hash]!;
    const digest = m.subarray(m.length - trailer - digestLength, m.length - trailer);
    const recovered = m.subarray(1, m.length - trailer - digestLength);
    return createHash(hash).update(recovered).update(challenge).digest().equals(digest);
  });
}

export interface ActiveAuthenticationInput {
  /** The DG15 key, only when DG15 passed passive authentication. */
  key: KeyObject | undefined;
  /** Whether the chip has DG15 at all (listed in the SOD). */
  supported: boolean;
  response: { challenge: Buffer; signature: Buffer } | undefined;
  /**
   * Whether the challenge is the server's own and unused. `reported` when no server issued it (the
   * command line): the signature can then be checked, but it could be a replay.
   */
  challenge: 'fresh' | 'unknown' | 'used' | 'reported';
  /** The hash for ECDSA AA, from DG14's ActiveAuthenticationInfo; SHA-256 when DG14 does not say. */
  ecdsaHash: string;
}

/** Active Authentication (ICAO 9303-11 §6.1): the chip signed our challenge with its DG15 key. */
export function activeAuthentication(input: ActiveAuthenticationInput): Check {
  if (!input.supported)
    return check('activeAuthentication', 'NOT_AVAILABLE', 'The chip has no DG15, so no Active Authentication.');
  if (!input.key)
    return check('activeAuthentication', 'FAILED', 'DG15 did not pass passive authentication; its key is not trusted.');
  if (!input.response)
    return check('activeAuthentication', 'NOT_CHECKED', 'The app sent no Active Authentication response.');
  if (input.challenge === 'unknown') {
    return check('activeAuthentication', 'FAILED', 'The challenge was not issued by this server for this process.');
  }
  if (input.challenge === 'used')
    return check('activeAuthentication', 'FAILED', 'The challenge was already used: a replay.');
  const { challenge, signature } = input.response;
  const valid =
    input.key.asymmetricKeyType === 'rsa'
      ? verifyIso9796(input.key, challenge, signature)
      : verifySignature({ kind: 'ecdsa', hash: input.ecdsaHash, encoding: 'plain' }, input.key, challenge, signature);
  if (!valid)
    return check(
      'activeAuthentication',
      'FAILED',
      'The signature over the challenge does not verify with the DG15 key.',
    );
  return input.challenge === 'fresh'
    ? check('activeAuthentication', 'SUCCEEDED', "The chip signed this server's challenge with its DG15 key.")
    : check(
        'activeAuthentication',
        'SUCCEEDED',
        'The chip signed the given challenge; no server issued it, so a replay cannot be ruled out.',
      );
}
