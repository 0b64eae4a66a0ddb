import type { Clock } from '../core/time.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import { authorizationUrl, newAuthorizationSecrets, type AuthorizationSecrets } from './authorization-secrets.js';
import type { ClientKeyPair } from './client-keys.js';
import { ConnectError } from './errors.js';
import { validateIdToken } from './id-token.js';
import { IssuerDirectory } from './issuer-directory.js';
import { clientAuthMethodFor, type IssuerMetadata } from './issuer-metadata.js';
import type { ConnectMethod } from './method.js';
import { exchangeCode } from './token-exchange.js';
import { fetchUserInfo } from './user-info.js';

/** What a successful login hands back: the signed ID token and the userinfo as the process keeps it. */
export interface LoginTokens {
  idToken: string;
  idTokenClaims: Record<string, unknown>;
  userInfo: Record<string, unknown> | string;
}

/**
 * The OpenID Connect relying party: starts a login at a method's issuer (code flow, PKCE S256, state,
 * nonce) and finishes it from the callback (code exchange, ID token and userinfo checks). Every request
 * to an issuer goes through the SSRF-safe client. Throws ConnectError saying what went wrong.
 *
 * @example
 *   const rp = new RelyingParty(http, clock);
 *   const { url, secrets } = await rp.start(method, redirectUri);
 *   // ...the browser comes back to redirectUri with ?code&state...
 *   const tokens = await rp.finish(method, keys, { code, codeVerifier: secrets.codeVerifier, nonce: secrets.nonce, redirectUri });
 */
export class RelyingParty {
  readonly directory: IssuerDirectory;

  constructor(
    private readonly http: SafeFetch,
    private readonly clock: Clock,
  ) {
    this.directory = new IssuerDirectory(http, clock);
  }

  /** Reads the issuer's discovery document and checks this relying party can log in there. */
  async checkIssuer(method: ConnectMethod): Promise<IssuerMetadata> {
    const metadata = await this.directory.metadata(method.issuer);
    const methods = metadata.code_challenge_methods_supported;
    if (methods !== undefined && !methods.includes('S256')) {
      throw new ConnectError('invalid_issuer', 'The issuer does not support PKCE with S256.');
    }
    if (!clientAuthMethodFor(metadata, credentialsOf(method))) {
      throw new ConnectError(
        'invalid_issuer',
        method.privateKeyJwt
          ? 'The issuer does not take private_key_jwt at its token endpoint.'
          : 'The issuer takes neither client_secret_basic nor client_secret_post at its token endpoint.',
      );
    }
    if (metadata.userinfo_endpoint === undefined) {
      throw new ConnectError('invalid_issuer', 'The issuer has no userinfo endpoint.');
    }
    return metadata;
  }

  async start(method: ConnectMethod, redirectUri: string): Promise<{ url: string; secrets: AuthorizationSecrets }> {
    const metadata = await this.checkIssuer(method);
    const secrets = newAuthorizationSecrets();
    const url = authorizationUrl(metadata.authorization_endpoint, {
      clientId: method.clientId,
      redirectUri,
      scopes: method.scopes,
      acrValues: method.acrValues,
      prompt: method.prompt,
      secrets,
    });
    return { url, secrets };
  }

  async finish(
    method: ConnectMethod,
    clientKeys: ClientKeyPair | undefined,
    login: { code: string; codeVerifier: string; nonce: string; redirectUri: string },
  ): Promise<LoginTokens> {
    const metadata = await this.checkIssuer(method);
    const authMethod = clientAuthMethodFor(metadata, credentialsOf(method))!;
    const tokens = await exchangeCode(this.http, {
      metadata,
      clientId: method.clientId,
      auth:
        authMethod === 'private_key_jwt'
          ? { method: authMethod, keys: requireKeys(clientKeys) }
          : { method: authMethod, secret: method.clientSecret ?? '' },
      code: login.code,
      codeVerifier: login.codeVerifier,
      redirectUri: login.redirectUri,
      now: this.clock.now(),
    });
    const keys = this.directory.keysFor(metadata);
    const idToken = await validateIdToken(tokens.idToken, {
      keys,
      issuer: metadata.issuer,
      clientId: method.clientId,
      nonce: login.nonce,
      now: this.clock.now(),
      clientKeys,
    });
    const userInfo = await fetchUserInfo(this.http, {
      endpoint: metadata.userinfo_endpoint!,
      accessToken: tokens.accessToken,
      format: method.userInfo,
      subject: String(idToken.claims.sub),
      keys,
      issuer: metadata.issuer,
      clientId: method.clientId,
      clientKeys,
      now: this.clock.now(),
    });
    return { idToken: idToken.signed, idTokenClaims: idToken.claims, userInfo };
  }
}

const credentialsOf = (method: ConnectMethod) => ({
  secret: method.clientSecret !== undefined,
  privateKeyJwt: method.privateKeyJwt,
});

function requireKeys(keys: ClientKeyPair | undefined): ClientKeyPair {
  if (!keys) throw new ConnectError('invalid_issuer', 'private_key_jwt needs a client key pair, and there is none.');
  return keys;
}
