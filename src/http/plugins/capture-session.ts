import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sameToken } from '../../capture/tokens.js';
import { AppError } from '../../core/errors.js';
import type { SessionGrant } from '../../services/capture-sessions.js';
import type { Services } from '../../services/create-services.js';

const captureCookie = 'oa_capture';

declare module 'fastify' {
  interface FastifyRequest {
    captureGrant: SessionGrant | null;
  }
}

/** The capture session token of the request's cookie, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === captureCookie) return value.join('=');
  }
  return undefined;
}

/** The end-user of a request under `requireCaptureSession`. */
export function grantOf(request: FastifyRequest): SessionGrant {
  if (!request.captureGrant) throw new Error('grantOf() used on a route without requireCaptureSession.');
  return request.captureGrant;
}

const changes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route of this scope needs the capture session cookie; a state-changing one also needs the
 * session's CSRF token in `X-CSRF-Token` (a cookie alone would let another site post in the
 * end-user's name). A client's Bearer token means nothing here.
 */
export function requireCaptureSession(app: FastifyInstance, services: Services): void {
  app.decorateRequest('captureGrant', null);
  app.addHook('onRequest', async (request) => {
    const grant = await services.captureSessions.authenticate(sessionTokenOf(request));
    if (changes.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !sameToken(presented, grant.csrfToken)) {
        throw new AppError('capture_csrf', "Send the session's CSRF token in the X-CSRF-Token header.");
      }
    }
    request.captureGrant = grant;
  });
}

/** Sets the session cookie: HttpOnly, scoped to the capture pages, Secure on https. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: number,
  now: number,
  options: { secure: boolean; embedded: boolean },
): void {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
  // In a frame on another site, the browser only sends a SameSite=None cookie (and only over https).
  const sameSite = options.secure && options.embedded ? 'None' : 'Lax';
  const parts = [
    `${captureCookie}=${token}`,
    'Path=/assure/capture',
    `Max-Age=${maxAge}`,
    'HttpOnly',
    `SameSite=${sameSite}`,
    ...(options.secure ? ['Secure'] : []),
  ];
  void reply.header('set-cookie', parts.join('; '));
}
