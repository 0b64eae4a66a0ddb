import type { JWTVerifyGetKey } from 'jose';
import type { SafeFetch } from '../net/safe-fetch.js';
import type { ClientKeyPair } from './client-keys.js';
import { ConnectError } from './errors.js';
import { fetchOrUnavailable } from './issuer-directory.js';
import { decryptForClient, isCompactJwe, verificationProblem, verifySigned } from './signed-jwt.js';

/** The format a method's userinfo comes in, as agreed with the issuer. */
export type UserInfoFormat = 'json' | 'signed' | 'encrypted';

export interface UserInfoRequest {
  endpoint: string;
  accessToken: string;
  format: UserInfoFormat;
  /** The ID token's subject: the userinfo must be about the same person (OIDC Core §5.3.2). */
  subject: string;
  keys: JWTVerifyGetKey;
  issuer: string;
  clientId: string;
  clientKeys: ClientKeyPair | undefined;
  now: number;
}

/**
 * Fetches and checks the userinfo. What it returns is what the process keeps: the claims object for
 * JSON, the verified JWS for a signed one, and for an encrypted one what was inside once decrypted with
 * the client's key (the verified nested JWS, or the claims).
 */
export async function fetchUserInfo(
  http: SafeFetch,
  request: UserInfoRequest,
): Promise<Record<string, unknown> | string> {
  const response = await fetchOrUnavailable(
    http,
    {
      url: request.endpoint,
      headers: { authorization: `Bearer ${request.accessToken}`, accept: 'application/json, application/jwt' },
    },
    'userinfo endpoint',
  );
  if (response.status >= 500)
    throw new ConnectError('unavailable', `The userinfo endpoint answered HTTP ${response.status}.`);
  if (response.status !== 200) throw invalid(`the endpoint answered HTTP ${response.status}`);
  if (response.truncated) throw invalid('it is too large');
  const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const body = response.body.trim();
  switch (request.format) {
    case 'json':
      if (type !== 'application/json') throw invalid(`the method expects JSON, the issuer sent ${type || 'no type'}`);
      return checkedClaims(parseObject(body), request.subject);
    case 'signed':
      if (type !== 'application/jwt' || isCompactJwe(body)) throw invalid('the method expects a signed JWT');
      await verifiedClaims(body, request);
      return body;
    case 'encrypted': {
      if (type !== 'application/jwt' || !isCompactJwe(body)) throw invalid('the method expects an encrypted JWT');
      const inner = await decryptForClient(body, request.clientKeys).catch((error: unknown) => {
        throw invalid(verificationProblem(error));
      });
      if (inner.split('.').length === 3) {
        await verifiedClaims(inner, request);
        return inner;
      }
      return checkedClaims(parseObject(inner), request.subject);
    }
  }
}

async function verifiedClaims(token: string, request: UserInfoRequest): Promise<Record<string, unknown>> {
  try {
    const claims = await verifySigned(token, {
      keys: request.keys,
      issuer: request.issuer,
      audience: request.clientId,
      now: request.now,
      toleranceSeconds: 60,
    });
    return checkedClaims(claims, request.subject);
  } catch (error) {
    if (error instanceof ConnectError) throw error;
    throw invalid(verificationProblem(error));
  }
}

function checkedClaims(claims: Record<string, unknown> | undefined, subject: string): Record<string, unknown> {
  if (!claims) throw invalid('it is not a JSON object');
  if (claims.sub !== subject) throw invalid("its sub is not the ID token's subject");
  return claims;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const invalid = (why: string) => new ConnectError('invalid_userinfo', `The userinfo is refused: ${why}.`);
