import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashCaptureToken, newCaptureToken } from '../../capture/tokens.js';
import type { ConsoleSsoConfig } from '../../config/console-sso.js';
import { ConnectError } from '../../connect/errors.js';
import type { ConnectMethod } from '../../connect/method.js';
import type { RelyingParty } from '../../connect/relying-party.js';
import type { OperatorRole } from '../../core/domain.js';
import { AppError } from '../../core/errors.js';
import type { ServiceDeps } from '../context.js';
import { audit } from './audit.js';
import { normalizeEmail } from './operators.js';
import type { ConsoleSessionSettings } from './sessions.js';

/** A login at the identity provider may take this long before the callback refuses it. */
const loginMinutes = 10;

/** Operators made by single sign-on have no password: this is no argon2 hash, so no password matches it. */
const noPassword = '!single-sign-on';

const roles: readonly OperatorRole[] = ['admin', 'reviewer', 'viewer'];

interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

export interface SsoCallbackQuery {
  state?: string | undefined;
  code?: string | undefined;
  error?: string | undefined;
  error_description?: string | undefined;
}

/**
 * Operators' single sign-on to the console at an OpenID Provider, on the same relying party as live
 * Connect. The pending login (state, nonce, PKCE verifier) rides sealed in a cookie of the browser that
 * started it, so it needs no table and cannot come back to another browser. The operator's role comes
 * from a claim of the ID token or the userinfo, on every sign-in; the operator is made on the first one.
 */
export class ConsoleSsoService {
  private readonly method: ConnectMethod;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly config: ConsoleSsoConfig,
    private readonly settings: ConsoleSessionSettings,
    private readonly relyingParty: RelyingParty,
  ) {
    this.method = {
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      privateKeyJwt: false,
      scopes: config.scopes,
      acrValues: undefined,
      prompt: undefined,
      userInfo: 'json',
    };
  }

  get redirectUri(): string {
    return `${this.deps.publicUrl}/console/api/sso/callback`;
  }

  /** The issuer's authorization URL, and the sealed pending login for the browser's cookie. */
  async start(): Promise<{ url: string; pending: string }> {
    const { url, secrets } = await this.relyingParty.start(this.method, this.redirectUri).catch((error: unknown) => {
      if (!(error instanceof ConnectError)) throw error;
      this.deps.logger.warn({ failure: error.failure, reason: error.message }, 'console sign-on could not start');
      throw new AppError('unavailable', 'The identity provider cannot be reached right now; try again in a moment.');
    });
    const pending: PendingLogin = {
      state: secrets.state,
      nonce: secrets.nonce,
      codeVerifier: secrets.codeVerifier,
      expiresAt: this.deps.clock.now() + loginMinutes * 60_000,
    };
    return { url, pending: this.deps.sealer.sealText(JSON.stringify(pending)) };
  }

  /** Ends the login: a new console session's token for the operator the identity provider vouches for. */
  async finish(query: SsoCallbackQuery, sealedPending: string | undefined): Promise<{ token: string }> {
    const { clock, store } = this.deps;
    const pending = this.open(sealedPending);
    if (!pending || !sameText(pending.state, query.state ?? '') || clock.now() >= pending.expiresAt) {
      throw unauthenticated('This sign-in was not started in this browser, or took too long; start again.');
    }
    if (query.error !== undefined) {
      throw unauthenticated(`The identity provider did not sign you in (${query.error}).`);
    }
    if (!query.code) throw unauthenticated('The identity provider sent neither a code nor an error.');
    let claims: Record<string, unknown>;
    try {
      const tokens = await this.relyingParty.finish(this.method, undefined, {
        code: query.code,
        codeVerifier: pending.codeVerifier,
        nonce: pending.nonce,
        redirectUri: this.redirectUri,
      });
      claims = { ...(typeof tokens.userInfo === 'object' ? tokens.userInfo : {}), ...tokens.idTokenClaims };
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      this.deps.logger.warn({ failure: error.failure, reason: error.message }, 'a console sign-on was refused');
      throw unauthenticated('The sign-in at the identity provider could not be checked; start again.');
    }
    const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : '';
    if (email === '' || claims.email_verified === false) {
      throw unauthenticated('The identity provider gave no verified email address.');
    }
    const role = roleOf(claims[this.config.roleClaim]);
    if (!role) {
      await audit(store.repos, clock, {
        operator: email,
        action: 'session.signInFailed',
        target: email,
        after: { via: 'oidc' },
      });
      throw new AppError('console_forbidden', `Your account has no console role (claim ${this.config.roleClaim}).`);
    }
    return { token: await this.signIn(email, role) };
  }

  private async signIn(email: string, role: OperatorRole): Promise<string> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const token = newCaptureToken();
    await store.transaction(async (tx) => {
      const operator = await tx.operators.find(email);
      if (!operator) {
        await tx.operators.insert({
          email,
          passwordHash: noPassword,
          role,
          clients: null,
          totpSecretSealed: null,
          totpLastStep: null,
          createdAt: now,
          updatedAt: now,
        });
      } else if (operator.role !== role) {
        await tx.operators.setRole(email, role, now);
      }
      await tx.operatorSessions.deleteExpired(now, now - this.settings.idleMinutes * 60_000);
      // The identity provider did the second factor: the session is ready at once.
      await tx.operatorSessions.insert({
        idHash: hashCaptureToken(token),
        email,
        stage: 'ready',
        csrfToken: randomBytes(24).toString('base64url'),
        pendingTotpSealed: null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: now + this.settings.sessionHours * 3_600_000,
      });
      await audit(tx, clock, {
        operator: email,
        action: 'session.signIn',
        target: email,
        ...(operator && operator.role !== role && { before: { role: operator.role } }),
        after: { stage: 'ready', via: 'oidc', role },
      });
    });
    return token;
  }

  private open(sealed: string | undefined): PendingLogin | undefined {
    if (sealed === undefined) return undefined;
    try {
      return JSON.parse(this.deps.sealer.openText(sealed)) as PendingLogin;
    } catch {
      return undefined;
    }
  }
}

/** The highest console role a claim names (a string, or a list of strings), if any. */
function roleOf(claim: unknown): OperatorRole | undefined {
  const values = Array.isArray(claim) ? claim : [claim];
  return roles.find((role) => values.includes(role));
}

function sameText(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}

const unauthenticated = (detail: string) => new AppError('console_unauthenticated', detail);
