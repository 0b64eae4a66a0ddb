import { compactDecrypt, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { encryptionAlgorithm, privateKeyOf, type ClientKeyPair } from './client-keys.js';

/**
 * Only asymmetric signatures are accepted: `none` carries no proof, and an HMAC algorithm would make
 * the verifier use a key as a shared secret, which lets anyone holding the issuer's public key forge a
 * token (the "HMAC with the public key" confusion). jose also refuses a key whose type does not match.
 */
const allowedSignatureAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

const allowedKeyManagement = [encryptionAlgorithm, 'RSA-OAEP'];
const allowedContentEncryption = ['A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM'];

/** How many parts a compact serialization has: 3 for a JWS, 5 for a JWE. */
export const isCompactJwe = (token: string): boolean => token.split('.').length === 5;

/** Decrypts a JWE addressed to the client's encryption key; the plaintext (often a nested JWS). */
export async function decryptForClient(token: string, keys: ClientKeyPair | undefined): Promise<string> {
  // A relying party without a key pair (console sign-on) never asked for encryption: refuse it.
  if (!keys) throw new joseErrors.JWEDecryptionFailed();
  const { plaintext } = await compactDecrypt(token, await privateKeyOf(keys.encryption, encryptionAlgorithm), {
    keyManagementAlgorithms: allowedKeyManagement,
    contentEncryptionAlgorithms: allowedContentEncryption,
  });
  return new TextDecoder().decode(plaintext);
}

export interface VerifyOptions {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  now: number;
  /** Seconds of clock difference tolerated between the issuer and this server. */
  toleranceSeconds: number;
  /** For ID tokens: iat may be no older than this (a replayed old token), and never in the future. */
  maxAgeSeconds?: number;
}

/** Verifies a JWS against the issuer's keys; throws a jose error saying which check failed. */
export async function verifySigned(token: string, options: VerifyOptions): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, options.keys, {
    algorithms: [...allowedSignatureAlgorithms],
    issuer: options.issuer,
    audience: options.audience,
    currentDate: new Date(options.now),
    clockTolerance: options.toleranceSeconds,
    ...(options.maxAgeSeconds !== undefined && {
      maxTokenAge: options.maxAgeSeconds,
      requiredClaims: ['iat', 'exp', 'sub'],
    }),
  });
  return payload;
}

/** A short reason for a failed verification, safe to store (no token content). */
export function verificationProblem(error: unknown): string {
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its algorithm is not allowed';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "no key of the issuer's JWKS matches it";
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `its ${error.claim} claim is not valid (${error.reason})`;
  if (error instanceof joseErrors.JWEDecryptionFailed) return 'it cannot be decrypted with the client key';
  if (error instanceof joseErrors.JOSEError) return `it is not a valid token (${error.code})`;
  return 'it is not a valid token';
}
