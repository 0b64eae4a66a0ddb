import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OperatorCaller, OperatorRole } from '../../core/domain.js';
import { AppError } from '../../core/errors.js';
import { ConsoleSessionService, type ConsoleGrant } from '../../services/console/sessions.js';
import type { OperatorSessionStage } from '../../store/schema.js';

const consoleCookie = 'oa_console';

/**
 * Who may call a console route: `public` (only signing in), or the least role it needs and the session
 * stages it works in (by default only a session that is `ready`).
 */
export type ConsoleAccess = 'public' | { role: OperatorRole; stages?: readonly OperatorSessionStage[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    consoleAccess?: ConsoleAccess;
  }
  interface FastifyRequest {
    consoleGrant: ConsoleGrant | null;
  }
}

/** Route config for a route the role (or a higher one) may call. */
export const allow = (role: OperatorRole, stages?: readonly OperatorSessionStage[]) => ({
  consoleAccess: { role, ...(stages ? { stages } : {}) } satisfies ConsoleAccess,
});

const rank: Record<OperatorRole, number> = { viewer: 0, reviewer: 1, admin: 2 };

/** The session of a request under `requireConsoleSession`. */
export function consoleGrantOf(request: FastifyRequest): ConsoleGrant {
  if (!request.consoleGrant) throw new Error('consoleGrantOf() used on a route without a console session.');
  return request.consoleGrant;
}

/** The operator of a request under `requireConsoleSession`. */
export const operatorOf = (request: FastifyRequest): OperatorCaller => consoleGrantOf(request).caller;

/**
 * The operator of a request, who must not be limited to some clients: managing operators and reading
 * the whole audit log would reach past such a limit.
 */
export function unlimitedOperatorOf(request: FastifyRequest): OperatorCaller {
  const operator = operatorOf(request);
  if (operator.clients !== null) {
    throw new AppError('console_forbidden', 'Operators limited to some clients cannot do this.');
  }
  return operator;
}

/** The console session token of the request's cookie, if any. */
function consoleTokenOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === consoleCookie) return value.join('=');
  }
  return undefined;
}

const changes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route of the console API checks, in this order: the browser does not say the request comes
 * from another site; the session cookie (401); the CSRF token on a state-changing request (403);
 * the session's stage (a one-time code or TOTP enrollment still due: 401); the operator's role (403).
 * A route without `consoleAccess` needs an admin. A client's Bearer token means nothing here.
 */
export function requireConsoleSession(app: FastifyInstance, sessions: ConsoleSessionService): void {
  app.decorateRequest('consoleGrant', null);
  app.addHook('onRequest', async (request) => {
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new AppError('console_csrf', 'The console API only takes requests from the console itself.');
    }
    const access = request.routeOptions.config.consoleAccess ?? { role: 'admin' };
    if (access === 'public') return;
    const grant = await sessions.authenticate(consoleTokenOf(request));
    if (changes.has(request.method) && !ConsoleSessionService.csrfMatches(grant, request.headers['x-csrf-token'])) {
      throw new AppError('console_csrf', "Send the session's CSRF token in the X-CSRF-Token header.");
    }
    if (!(access.stages ?? ['ready']).includes(grant.stage)) {
      throw new AppError(
        'console_totp_required',
        grant.stage === 'enroll' ? 'Enroll a one-time code app first.' : 'Give the one-time code first.',
      );
    }
    if (rank[grant.caller.role] < rank[access.role]) {
      throw new AppError('console_forbidden', 'Your role does not allow this.');
    }
    request.consoleGrant = grant;
  });
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, scoped to the console, Secure on https. */
export function setConsoleCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  const parts = [
    `${consoleCookie}=${token}`,
    'Path=/console',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ];
  void reply.header('set-cookie', parts.join('; '));
}

export const clearConsoleCookie = (reply: FastifyReply, secure: boolean): void =>
  setConsoleCookie(reply, '', 0, secure);
