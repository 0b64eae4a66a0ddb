import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../metrics/registry.js';

/**
 * Times every answer into `openassure_http_request_duration_seconds`, labelled by the route's pattern
 * (`/assure/dossiers/:dossierId`), never the URL as sent: no ids in labels, and a bounded label set.
 * Requests that matched no route share one label.
 */
export function recordRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: reply.statusCode === 404 && route === '*' ? 'unmatched' : route,
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

/** `GET /metrics` in the Prometheus text format, on whichever server it is added to. */
export async function metricsRoute(app: FastifyInstance, deps: { metrics: Metrics }): Promise<void> {
  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    const { contentType, body } = await deps.metrics.scrape();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });
}
