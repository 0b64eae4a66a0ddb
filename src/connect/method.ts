import type { UserInfoFormat } from './user-info.js';

/**
 * A client's eID method: an OpenID Provider it registered with, and how to log in there. The method
 * name is what follows `connect:` in a process's provider value.
 */
export interface ConnectMethod {
  issuer: string;
  clientId: string;
  /** Set when the client authenticates with a secret (client_secret_basic or _post). */
  clientSecret: string | undefined;
  /** Authenticate with a JWT signed by the client's own key (its public half at the client's JWKS URL). */
  privateKeyJwt: boolean;
  scopes: string[];
  acrValues: string | undefined;
  prompt: string | undefined;
  userInfo: UserInfoFormat;
}

/** What a method's settings must satisfy beyond their schema; every problem, in one list. */
export function methodProblems(method: ConnectMethod, options: { allowPlainHttp: boolean }): string[] {
  const problems: string[] = [];
  const issuer = parseUrl(method.issuer);
  if (!issuer) problems.push('issuer must be an absolute URL.');
  else {
    if (issuer.protocol !== 'https:' && !(options.allowPlainHttp && issuer.protocol === 'http:')) {
      problems.push('issuer must be an https URL.');
    }
    if (issuer.search !== '' || issuer.hash !== '' || issuer.username !== '' || issuer.password !== '') {
      problems.push('issuer must not have a query, a fragment or credentials (OpenID Connect Discovery §2).');
    }
  }
  if (method.privateKeyJwt && method.clientSecret !== undefined) {
    problems.push('Give either clientSecret or privateKeyJwt, not both.');
  }
  if (!method.privateKeyJwt && method.clientSecret === undefined) {
    problems.push('Give clientSecret, or set privateKeyJwt to authenticate with the client key.');
  }
  return problems;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
