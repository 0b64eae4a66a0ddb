import type { JWTVerifyGetKey } from 'jose';
import type { ClientKeyPair } from './client-keys.js';
import { ConnectError } from './errors.js';
import { decryptForClient, isCompactJwe, verificationProblem, verifySigned } from './signed-jwt.js';

export interface IdTokenExpectations {
  keys: JWTVerifyGetKey;
  issuer: string;
  clientId: string;
  nonce: string;
  now: number;
  clientKeys: ClientKeyPair | undefined;
}

const toleranceSeconds = 60;
const maxAgeSeconds = 10 * 60;

/**
 * Validates an ID token as OIDC Core §3.1.3.7 asks: decrypted first when it is a JWE addressed to the
 * client, then its signature against the issuer's JWKS with an asymmetric algorithm only, `iss`, `aud`,
 * `azp` (when several audiences or present at all), `exp`, `iat` (not in the future, not too old) and
 * the `nonce` of this login. Returns the signed token (the inner JWS of an encrypted one) and its claims.
 */
export async function validateIdToken(
  token: string,
  expected: IdTokenExpectations,
): Promise<{ signed: string; claims: Record<string, unknown> }> {
  let signed = token;
  try {
    if (isCompactJwe(token)) signed = await decryptForClient(token, expected.clientKeys);
    const claims = await verifySigned(signed, {
      keys: expected.keys,
      issuer: expected.issuer,
      audience: expected.clientId,
      now: expected.now,
      toleranceSeconds,
      maxAgeSeconds,
    });
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== expected.clientId) {
      throw new ConnectError(
        'invalid_id_token',
        'The ID token was not issued to this client: its azp claim is not the client id.',
      );
    }
    if (claims.nonce !== expected.nonce) {
      throw new ConnectError('invalid_id_token', "The ID token's nonce is not the one of this login.");
    }
    return { signed, claims };
  } catch (error) {
    if (error instanceof ConnectError) throw error;
    throw new ConnectError('invalid_id_token', `The ID token is refused: ${verificationProblem(error)}.`);
  }
}
