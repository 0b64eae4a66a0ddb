import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/registry.js';
import { metricsRoute } from './plugins/request-metrics.js';

/**
 * The separate metrics listener (OPENASSURE_METRICS_PORT): `/metrics` only, so that the scrape port can
 * stay inside the cluster while the API port faces clients. Workers, which serve no API, use it too.
 */
export async function buildMetricsServer(metrics: Metrics, logger: Logger): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, disableRequestLogging: true });
  await app.register(metricsRoute, { metrics });
  return app;
}
