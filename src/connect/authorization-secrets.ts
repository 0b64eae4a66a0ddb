import { createHash, randomBytes } from 'node:crypto';

/**
 * The per-login secrets of an authorization request: `state` (binds the callback to the request),
 * `nonce` (binds the ID token to it) and the PKCE verifier (binds the code to it, RFC 7636 S256). Each
 * is 256 random bits; only hashes of `state` are stored, so a database read gives no usable callback.
 */
export interface AuthorizationSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Sent in the browser's cookie, to check the callback comes back to the browser that left. */
  browserBinding: string;
}

const random = () => randomBytes(32).toString('base64url');

export function newAuthorizationSecrets(): AuthorizationSecrets {
  return { state: random(), nonce: random(), codeVerifier: random(), browserBinding: random() };
}

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
const codeChallengeOf = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/** The stored form of a state or a browser binding. */
export const hashSecret = (value: string): string => createHash('sha256').update(value).digest('base64url');

/** The authorization request URL (OIDC Core §3.1.2.1, code flow, PKCE S256). */
export function authorizationUrl(
  endpoint: string,
  request: {
    clientId: string;
    redirectUri: string;
    scopes: readonly string[];
    acrValues?: string | undefined;
    prompt?: string | undefined;
    secrets: AuthorizationSecrets;
  },
): string {
  const url = new URL(endpoint);
  const scopes = request.scopes.includes('openid') ? request.scopes : ['openid', ...request.scopes];
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: scopes.join(' '),
    state: request.secrets.state,
    nonce: request.secrets.nonce,
    code_challenge: codeChallengeOf(request.secrets.codeVerifier),
    code_challenge_method: 'S256',
    ...(request.acrValues !== undefined && { acr_values: request.acrValues }),
    ...(request.prompt !== undefined && { prompt: request.prompt }),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
