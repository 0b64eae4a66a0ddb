import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { unknownOperatorHash, verifyOperatorPassword } from '../../auth/operator-passwords.js';
import { matchTotp, newTotpSecret, otpauthUrl } from '../../auth/totp.js';
import { hashCaptureToken, newCaptureToken, sameToken } from '../../capture/tokens.js';
import type { OperatorCaller } from '../../core/domain.js';
import { AppError, conflict } from '../../core/errors.js';
import type { OperatorRecord } from '../../store/repositories/operators.js';
import type { OperatorSessionRecord } from '../../store/repositories/operator-sessions.js';
import type { OperatorSessionStage } from '../../store/schema.js';
import type { ServiceDeps } from '../context.js';
import { audit } from './audit.js';
import { normalizeEmail } from './operators.js';
import { SignInThrottle } from './sign-in-throttle.js';

export interface ConsoleSessionSettings {
  idleMinutes: number;
  sessionHours: number;
  /** Admins must enroll TOTP before doing anything (production mode). */
  adminTotpRequired: boolean;
  /** Off: email and password are refused, single sign-on is the only way in (OPENASSURE_CONSOLE_LOCAL_PASSWORDS). */
  localPasswords: boolean;
}

/** What the console app is told about its session. */
export interface SessionView {
  operator: { email: string; role: OperatorCaller['role']; clients: string[] | null; totpEnrolled: boolean };
  csrfToken: string;
  stage: OperatorSessionStage;
}

/** A signed-in request: the session, its operator as a caller, and what to tell the app. */
export interface ConsoleGrant {
  idHash: string;
  stage: OperatorSessionStage;
  csrfToken: string;
  caller: OperatorCaller;
  view: SessionView;
}

const wrongCredentials = () => new AppError('console_unauthenticated', 'Wrong email or password.');
const notSignedIn = () => new AppError('console_unauthenticated', 'Sign in to the console.');
const wrongCode = () => new AppError('console_totp_required', 'Wrong or already used one-time code.');

const callerOf = (operator: OperatorRecord): OperatorCaller => ({
  kind: 'operator',
  email: operator.email,
  role: operator.role,
  clients: operator.clients,
});

/**
 * Operators' sessions: sign-in with email and password, then the one-time code when they have TOTP
 * (or its enrollment when it is required), idle and absolute timeouts, sign-out. The cookie's token
 * is a bearer secret stored only as its hash.
 */
export class ConsoleSessionService {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly settings: ConsoleSessionSettings,
  ) {
    this.throttle = new SignInThrottle(deps.store, deps.clock, (ms) => sleep(ms));
  }

  /** Whether the sign-in page offers the password form (single sign-on is known to the routes). */
  get localPasswords(): boolean {
    return this.settings.localPasswords;
  }

  async signIn(emailGiven: string, password: string, address: string): Promise<{ token: string; grant: ConsoleGrant }> {
    const { store, clock } = this.deps;
    if (!this.settings.localPasswords) {
      throw new AppError('console_forbidden', 'Sign-in with a password is turned off here; use single sign-on.');
    }
    const email = normalizeEmail(emailGiven).slice(0, 254);
    await this.throttle.before(email, address);
    const operator = await store.repos.operators.find(email);
    const ok = await verifyOperatorPassword(password, operator?.passwordHash ?? unknownOperatorHash);
    if (!operator || !ok) {
      await this.throttle.failed(email, address);
      await audit(store.repos, clock, { operator: email, action: 'session.signInFailed', target: email });
      throw wrongCredentials();
    }
    await this.throttle.succeeded(email);
    const stage: OperatorSessionStage =
      operator.totpSecretSealed !== null
        ? 'totp'
        : this.settings.adminTotpRequired && operator.role === 'admin'
          ? 'enroll'
          : 'ready';
    const now = clock.now();
    const token = newCaptureToken();
    const session: OperatorSessionRecord = {
      idHash: hashCaptureToken(token),
      email,
      stage,
      csrfToken: randomBytes(24).toString('base64url'),
      pendingTotpSealed: null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.settings.sessionHours * 3_600_000,
    };
    await store.transaction(async (tx) => {
      await tx.operatorSessions.deleteExpired(now, now - this.settings.idleMinutes * 60_000);
      await tx.operatorSessions.insert(session);
      await audit(tx, clock, { operator: email, action: 'session.signIn', target: email, after: { stage } });
    });
    return { token, grant: grantOf(session, operator) };
  }

  /** The session of a cookie's token; 401 when there is none, or it is idle or past its end. */
  async authenticate(token: string | undefined): Promise<ConsoleGrant> {
    const { store, clock } = this.deps;
    if (token === undefined || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw notSignedIn();
    const idHash = hashCaptureToken(token);
    const session = await store.repos.operatorSessions.find(idHash);
    if (!session) throw notSignedIn();
    const now = clock.now();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.settings.idleMinutes * 60_000) {
      await store.repos.operatorSessions.delete(idHash);
      throw new AppError('console_unauthenticated', 'The session has ended; sign in again.');
    }
    const operator = await store.repos.operators.find(session.email);
    if (!operator) throw notSignedIn();
    // Writing on every request would be a write per image; a few seconds' precision is plenty.
    if (now - session.lastSeenAt >= 5_000) await store.repos.operatorSessions.touch(idHash, now);
    return grantOf(session, operator);
  }

  /** The one-time code after the password: the session becomes ready. */
  async verifyTotp(grant: ConsoleGrant, code: string, address: string): Promise<SessionView> {
    const { store, clock, sealer } = this.deps;
    if (grant.stage !== 'totp') throw conflict('This session does not wait for a one-time code.');
    const email = grant.caller.email;
    await this.throttle.before(email, address);
    const operator = await store.repos.operators.find(email);
    if (!operator?.totpSecretSealed) throw notSignedIn();
    const step = matchTotp(sealer.openText(operator.totpSecretSealed), code.trim(), clock.now());
    if (step === undefined || !(await store.repos.operators.useTotpStep(email, step))) {
      await this.throttle.failed(email, address);
      await audit(store.repos, clock, { operator: email, action: 'session.signInFailed', target: email });
      throw wrongCode();
    }
    await this.throttle.succeeded(email);
    await store.repos.operatorSessions.setStage(grant.idHash, 'ready');
    return { ...grant.view, stage: 'ready' };
  }

  /** Starts TOTP enrollment: a new secret, kept with the session until a code confirms it. */
  async startEnrollment(grant: ConsoleGrant): Promise<{ secret: string; otpauthUrl: string }> {
    if (grant.stage === 'totp') throw new AppError('console_totp_required', 'Give the one-time code first.');
    if (grant.view.operator.totpEnrolled) throw conflict('TOTP is already enrolled for this operator.');
    const secret = newTotpSecret();
    await this.deps.store.repos.operatorSessions.setPendingTotp(grant.idHash, this.deps.sealer.sealText(secret));
    return { secret, otpauthUrl: otpauthUrl('OpenAssure', grant.caller.email, secret) };
  }

  /** Confirms enrollment with a first code: the secret becomes the operator's, the session ready. */
  async confirmEnrollment(grant: ConsoleGrant, code: string): Promise<SessionView> {
    const { store, clock, sealer } = this.deps;
    const session = await store.repos.operatorSessions.find(grant.idHash);
    if (!session?.pendingTotpSealed) throw conflict('Start the enrollment first.');
    const step = matchTotp(sealer.openText(session.pendingTotpSealed), code.trim(), clock.now());
    if (step === undefined) throw wrongCode();
    await store.transaction(async (tx) => {
      await tx.operators.setTotpSecret(grant.caller.email, session.pendingTotpSealed!, step, clock.now());
      await tx.operatorSessions.setStage(grant.idHash, 'ready');
      await audit(tx, clock, { operator: grant.caller.email, action: 'totp.enroll', target: grant.caller.email });
    });
    return { ...grant.view, stage: 'ready', operator: { ...grant.view.operator, totpEnrolled: true } };
  }

  async signOut(grant: ConsoleGrant): Promise<void> {
    const { store, clock } = this.deps;
    await store.transaction(async (tx) => {
      await tx.operatorSessions.delete(grant.idHash);
      await audit(tx, clock, { operator: grant.caller.email, action: 'session.signOut', target: grant.caller.email });
    });
  }

  /** Whether the request's CSRF token is the session's. */
  static csrfMatches(grant: ConsoleGrant, presented: unknown): boolean {
    return typeof presented === 'string' && sameToken(presented, grant.csrfToken);
  }
}

function grantOf(session: OperatorSessionRecord, operator: OperatorRecord): ConsoleGrant {
  const caller = callerOf(operator);
  return {
    idHash: session.idHash,
    stage: session.stage,
    csrfToken: session.csrfToken,
    caller,
    view: {
      operator: {
        email: operator.email,
        role: operator.role,
        clients: operator.clients,
        totpEnrolled: operator.totpSecretSealed !== null,
      },
      csrfToken: session.csrfToken,
      stage: session.stage,
    },
  };
}
