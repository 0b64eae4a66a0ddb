import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { ConsoleSsoService } from '../../services/console/sso.js';
import { ConnectCallbackQuery } from '../schemas/connect.js';
import { setConsoleCookie } from './access.js';

const pendingCookie = 'oa_console_sso';
const callbackPath = '/console/api/sso/callback';

interface SsoRouteOptions {
  sso: ConsoleSsoService;
  secure: boolean;
  sessionHours: number;
}

/**
 * Operators' single sign-on (only when OPENASSURE_CONSOLE_OIDC_* are set): `start` sends the browser
 * to the identity provider with the pending login sealed in a cookie for the callback only; `callback`
 * sets the console session cookie and opens the console. Errors keep the console API's JSON shape.
 */
export const consoleSsoRoutes: FastifyPluginAsyncTypebox<SsoRouteOptions> = async (app, options) => {
  const { sso, secure, sessionHours } = options;
  const cookieFlags = `Path=${callbackPath}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });

  app.get('/start', { schema: { hide: true } }, async (_request, reply) => {
    const { url, pending } = await sso.start();
    return reply.header('set-cookie', `${pendingCookie}=${pending}; Max-Age=600; ${cookieFlags}`).redirect(url, 303);
  });

  app.get('/callback', { schema: { hide: true, querystring: ConnectCallbackQuery } }, async (request, reply) => {
    const { token } = await sso.finish(request.query, pendingOf(request));
    setConsoleCookie(reply, token, sessionHours * 3600, secure);
    // A second Set-Cookie: the pending login is used up.
    void reply.header('set-cookie', `${pendingCookie}=; Max-Age=0; ${cookieFlags}`);
    return reply.redirect('/console/', 303);
  });
};

function pendingOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === pendingCookie) return value.join('=');
  }
  return undefined;
}
