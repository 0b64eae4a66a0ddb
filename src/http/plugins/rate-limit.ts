import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../core/time.js';
import { allowanceHeaders, type ClientRateLimit } from '../../limits/client-limit.js';

/**
 * Counts every request of this scope (behind requireBearerToken) against its client's limit per
 * minute: past it, a 429 in the upstream error shape with Retry-After.
 */
export function limitClientRequests(app: FastifyInstance, deps: { limit: ClientRateLimit; clock: Clock }): void {
  // No limits configured: no hook, so that requests pay nothing for the feature.
  if (!deps.limit.enabled) return;
  app.addHook('onRequest', async (request, reply) => {
    if (request.caller === null) return;
    const now = deps.clock.now();
    const allowance = await deps.limit.take(request.caller.id, now);
    if (allowance) void reply.headers(allowanceHeaders(allowance, now));
  });
}
