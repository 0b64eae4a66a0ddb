import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError, notFound } from '../../core/errors.js';
import { loadCaptureApp as loadAppBuild, type CaptureAppFiles as AppBuild } from '../capture-app-files.js';

/**
 * The console's page: no script runs but the build's own (by nonce), nothing may frame it, and it is
 * never cached, unlike the hashed assets, which never change under their name.
 */
function pageHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** Serves web/console's build at /console (the app routes by path, so every page path gets index.html). */
export const consoleAppRoutes: FastifyPluginAsyncTypebox<{ appDir: string }> = async (app, { appDir }) => {
  let files: AppBuild | undefined = loadAppBuild(appDir);
  const built = (): AppBuild => {
    files ??= loadAppBuild(appDir);
    if (!files) throw new AppError('unavailable', 'The console app has not been built; run npm run build.');
    return files;
  };

  const page = async (_request: unknown, reply: FastifyReply) => {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .headers(pageHeaders(nonce))
      .type('text/html; charset=utf-8')
      .send(built().indexTemplate.replaceAll('__CSP_NONCE__', nonce));
  };
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    // An unknown API path is an API 404, not the page.
    if (request.url.startsWith('/console/api/') || request.url === '/console/api') {
      throw new AppError('route_not_found', 'There is no such console API endpoint.');
    }
    return page(request, reply);
  });

  app.get(
    '/assets/:name',
    { schema: { hide: true, params: Type.Object({ name: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const file = built().assets.get(request.params.name);
      if (!file) throw notFound('File');
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('cross-origin-resource-policy', 'same-origin')
        .type(file.contentType)
        .send(file.bytes);
    },
  );
};
