import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../core/errors.js';
import type { Services } from '../../services/create-services.js';
import { sessionTokenOf } from '../plugins/capture-session.js';
import { ConnectCallbackQuery, KeySetParams } from '../schemas/connect.js';

const bindingCookie = 'oa_connect';
const callbackPath = '/assure/connect/callback';

interface Options {
  services: Services;
  secure: boolean;
}

/**
 * The end-user's side of a live Connect login. The capture page leaves for `start` (under the capture
 * cookie's path), which sends the browser to the issuer and leaves a cookie binding the login to this
 * browser; the issuer sends it back to `callback`, which ends the process and sends the browser on to
 * the flow's redirectUrl. Errors here are pages for a person, not JSON.
 */
export const connectStartRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { services, secure }) => {
  app.get('/start', { schema: { hide: true } }, async (request, reply) => {
    try {
      const { url, browserBinding } = await services.connectLogins.begin(sessionTokenOf(request));
      const cookie = [
        `${bindingCookie}=${browserBinding}`,
        `Path=${callbackPath}`,
        'Max-Age=600',
        'HttpOnly',
        // Lax: the issuer's redirect back is a top-level GET from another site, which Lax lets through.
        'SameSite=Lax',
        ...(secure ? ['Secure'] : []),
      ].join('; ');
      return reply.header('set-cookie', cookie).header('cache-control', 'no-store').redirect(url, 303);
    } catch (error) {
      return errorPage(request, reply, error);
    }
  });
};

export const connectCallbackRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { services }) => {
  app.get('/callback', { schema: { hide: true, querystring: ConnectCallbackQuery } }, async (request, reply) => {
    try {
      const { redirectUrl } = await services.connectLogins.callback(request.query, bindingOf(request));
      return reply
        .header('set-cookie', `${bindingCookie}=; Path=${callbackPath}; Max-Age=0; HttpOnly; SameSite=Lax`)
        .header('cache-control', 'no-store')
        .redirect(redirectUrl, 303);
    } catch (error) {
      return errorPage(request, reply, error);
    }
  });

  // Public on purpose: the client's issuers fetch its keys here (encryption of userinfo, private_key_jwt).
  app.get('/jwks/:keySetId', { schema: { hide: true, params: KeySetParams } }, async (request, reply) => {
    const jwks = await services.connectClientKeys.publicJwks(request.params.keySetId);
    if (jwks === undefined) throw notFound('Key set');
    return reply.header('cache-control', 'public, max-age=300').type('application/jwk-set+json').send(jwks);
  });
};

function bindingOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === bindingCookie) return value.join('=');
  }
  return undefined;
}

/** A plain page saying what went wrong, with the status of the error; unexpected errors go to the error handler. */
function errorPage(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  request.log.info({ code: error.code }, 'a Connect login page answered with an error');
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(error.title)}</title>` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
    `<body><main><h1 data-testid="connect-error-title">${escape(error.title)}</h1>` +
    `<p data-testid="connect-error-detail">${escape(error.detail)}</p></main></body></html>`;
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .header('x-error-code', error.code)
    .type('text/html; charset=utf-8')
    .send(html);
}
