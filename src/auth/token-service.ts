import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { KeyRing, signingAlgorithm } from './key-ring.js';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

interface CachedVerification {
  clientId: string;
  expiresAtMs: number;
}

const cacheLimit = 10_000;

/**
 * Issues and verifies the short-lived ES256 access tokens. A token that verified once is remembered
 * (by its exact text) until it expires, so the signature is not re-checked on every request.
 */
export class TokenService {
  private readonly verified = new Map<string, CachedVerification>();

  constructor(
    private readonly keys: KeyRing,
    private readonly settings: TokenSettings,
    private readonly now: () => number,
  ) {}

  async issue(clientId: string, scope: string): Promise<IssuedToken> {
    const key = this.keys.signingKey();
    const issuedAt = Math.floor(this.now() / 1000);
    const token = await new SignJWT({ client_id: clientId, scope })
      .setProtectedHeader({ alg: signingAlgorithm, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(clientId)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + this.settings.ttlSeconds)
      .sign(key.privateKey);
    return { access_token: token, token_type: 'Bearer', expires_in: this.settings.ttlSeconds, scope };
  }

  /** The client id of a token verified before and not yet expired, without any work; else undefined. */
  verifiedBefore(token: string): string | undefined {
    const cached = this.verified.get(token);
    if (!cached) return undefined;
    if (cached.expiresAtMs > this.now()) return cached.clientId;
    this.verified.delete(token);
    return undefined;
  }

  /** Returns the client id of a valid token; throws a 401 AppError saying what is wrong otherwise. */
  async verify(token: string): Promise<string> {
    const known = this.verifiedBefore(token);
    if (known !== undefined) return known;
    const payload = await this.verifySignatureAndClaims(token);
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : payload.sub;
    if (!clientId || payload.exp === undefined) {
      throw new AppError('token_invalid_claims', 'The access token does not name a client.');
    }
    this.remember(token, { clientId, expiresAtMs: payload.exp * 1000 });
    return clientId;
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          const key = header.kid === undefined ? undefined : await this.keys.verificationKey(header.kid);
          if (!key) {
            throw new AppError(
              'token_key_not_found',
              `The given JWT is signed by a key with key ID '${header.kid ?? ''}', but no such key was found.`,
            );
          }
          return key;
        },
        {
          algorithms: [signingAlgorithm],
          issuer: this.settings.issuer,
          audience: this.settings.audience,
          maxTokenAge: this.settings.ttlSeconds + 60,
          clockTolerance: 5,
          currentDate: new Date(this.now()),
        },
      );
      return payload;
    } catch (error) {
      throw toAuthError(error);
    }
  }

  private remember(token: string, entry: CachedVerification): void {
    if (this.verified.size >= cacheLimit) {
      // Drop the oldest entry (Maps iterate in insertion order).
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, entry);
  }
}

function toAuthError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof joseErrors.JWTExpired) {
    return new AppError('token_expired', 'The access token has expired; request a new one.');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new AppError('token_algorithm_not_allowed', `Only ${signingAlgorithm} signed access tokens are accepted.`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new AppError('token_invalid_signature', 'The signature of the access token is not valid.');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new AppError('token_invalid_claims', `The access token's "${error.claim}" claim is not valid.`);
  }
  return new AppError('malformed_authorization', 'Please provide a valid Bearer authentication.');
}
