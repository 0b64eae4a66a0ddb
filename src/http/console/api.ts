import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services/create-services.js';
import { requireConsoleSession } from './access.js';
import { consoleAdminRoutes } from './admin-routes.js';
import { consoleReadRoutes } from './read-routes.js';
import { consoleReviewRoutes } from './review-routes.js';
import { consoleSessionRoutes } from './session-routes.js';

export interface ConsoleApiOptions {
  services: Services;
  /** Whether the public URL is https: the cookie is then Secure. */
  secure: boolean;
  sessionHours: number;
}

/**
 * The console's JSON API under /console/api: authorised only by the operator's session cookie (see
 * access.ts for the checks every route makes). Every answer is `no-store`: most carry personal data.
 */
export const consoleApiRoutes: FastifyPluginAsync<ConsoleApiOptions> = async (app, options) => {
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
  requireConsoleSession(app, options.services.consoleSessions);
  const { services, secure, sessionHours } = options;
  await app.register(consoleSessionRoutes, { services, secure, sessionHours });
  await app.register(consoleReadRoutes, { services });
  await app.register(consoleReviewRoutes, { services });
  await app.register(consoleAdminRoutes, { services });
};
