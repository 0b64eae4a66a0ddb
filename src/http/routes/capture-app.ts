import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isLoopbackHost } from '../../capture/capture-request.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Services } from '../../services/create-services.js';
import { loadCaptureApp, type CaptureAppFiles } from '../capture-app-files.js';
import { sessionTokenOf } from '../plugins/capture-session.js';

interface CaptureAppOptions {
  services: Services;
  appDir: string;
}

/**
 * Who may show the page in a frame. With a session, only the flow's requestDomain (or nobody). A first
 * load inside a frame has no session yet, and the server cannot see the link's token (it is in the
 * fragment): that bootstrap may be framed, shows nothing, exchanges the link and reloads at once, and
 * the reloaded page carries the session's own rule. Top-level first loads are never framable.
 */
function frameAncestors(requestDomain: string | null | undefined, framedBootstrap: boolean): string {
  if (requestDomain === undefined) return framedBootstrap ? '*' : "'none'";
  if (requestDomain === null) return "'none'";
  const host = requestDomain.replace(/:\d+$/, '');
  return isLoopbackHost(host) ? `http://${requestDomain} https://${requestDomain}` : `https://${requestDomain}`;
}

function pageHeaders(nonce: string, ancestors: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/** The capture app's page and its build files, served by this server (see web/capture). */
export const captureAppRoutes: FastifyPluginAsyncTypebox<CaptureAppOptions> = async (app, { services, appDir }) => {
  let files: CaptureAppFiles | undefined = loadCaptureApp(appDir);
  const built = (): CaptureAppFiles => {
    files ??= loadCaptureApp(appDir);
    if (!files) throw new AppError('unavailable', 'The capture app has not been built; run npm run build.');
    return files;
  };

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const { indexTemplate } = built();
    const grant = await services.captureSessions.authenticate(sessionTokenOf(request)).catch(() => undefined);
    const nonce = randomBytes(16).toString('base64');
    const framed = request.headers['sec-fetch-dest'] === 'iframe';
    return reply
      .headers(pageHeaders(nonce, frameAncestors(grant ? grant.requestDomain : undefined, framed)))
      .type('text/html; charset=utf-8')
      .send(indexTemplate.replaceAll('__CSP_NONCE__', nonce));
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
