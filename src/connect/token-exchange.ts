import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SafeFetch } from '../net/safe-fetch.js';
import { privateKeyOf, signingAlgorithm, type ClientKeyPair } from './client-keys.js';
import { ConnectError } from './errors.js';
import { fetchOrUnavailable } from './issuer-directory.js';
import type { IssuerMetadata } from './issuer-metadata.js';

export interface TokenResponse {
  idToken: string;
  accessToken: string;
}

export interface ExchangeRequest {
  metadata: IssuerMetadata;
  clientId: string;
  auth:
    | { method: 'client_secret_basic' | 'client_secret_post'; secret: string }
    | {
        method: 'private_key_jwt';
        keys: ClientKeyPair;
      };
  code: string;
  codeVerifier: string;
  redirectUri: string;
  now: number;
}

/** Swaps the authorization code for tokens at the token endpoint (OIDC Core §3.1.3), authenticated as the issuer takes it. */
export async function exchangeCode(http: SafeFetch, request: ExchangeRequest): Promise<TokenResponse> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: request.code,
    redirect_uri: request.redirectUri,
    code_verifier: request.codeVerifier,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  await authenticate(request, form, headers);
  const response = await fetchOrUnavailable(
    http,
    { url: request.metadata.token_endpoint, method: 'POST', headers, body: form.toString() },
    'token endpoint',
  );
  const body = parseJson(response.body);
  if (response.status >= 500)
    throw new ConnectError('unavailable', `The token endpoint answered HTTP ${response.status}.`);
  if (response.status !== 200) {
    const error = typeof body?.error === 'string' ? body.error : 'invalid_request';
    const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
    throw new ConnectError('token_error', `The token endpoint refused the code: ${error}.`, {
      error,
      ...(description !== undefined && { error_description: description }),
    });
  }
  if (typeof body?.id_token !== 'string' || typeof body.access_token !== 'string') {
    throw new ConnectError('invalid_id_token', 'The token response has no id_token or no access_token.');
  }
  return { idToken: body.id_token, accessToken: body.access_token };
}

async function authenticate(request: ExchangeRequest, form: URLSearchParams, headers: Record<string, string>) {
  const { auth } = request;
  switch (auth.method) {
    case 'client_secret_basic': {
      // RFC 6749 §2.3.1: both parts are form-encoded before they are joined and base64-encoded.
      const pair = `${formEncode(request.clientId)}:${formEncode(auth.secret)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
      return;
    }
    case 'client_secret_post':
      form.set('client_id', request.clientId);
      form.set('client_secret', auth.secret);
      return;
    case 'private_key_jwt': {
      // OIDC Core §9: a short-lived JWT signed with the client's own key, for the token endpoint only.
      const seconds = Math.floor(request.now / 1000);
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: signingAlgorithm, kid: auth.keys.signing.kid, typ: 'JWT' })
        .setIssuer(request.clientId)
        .setSubject(request.clientId)
        .setAudience(request.metadata.token_endpoint)
        .setJti(randomUUID())
        .setIssuedAt(seconds)
        .setExpirationTime(seconds + 60)
        .sign(await privateKeyOf(auth.keys.signing, signingAlgorithm));
      form.set('client_id', request.clientId);
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', assertion);
      return;
    }
  }
}

const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
