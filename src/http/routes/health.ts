import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.js';

/** Something /readyz needs to answer: the database, the blob store, the queue. */
export interface ReadinessCheck {
  /** Named in the 503's detail, e.g. "database". */
  name: string;
  /** Resolves when the part answers; rejects (or takes longer than the timeout) when it does not. */
  probe(): Promise<void>;
}

/** A part that takes longer than this to answer counts as unreachable: the probe must not hang. */
const probeTimeoutMs = 3000;

/**
 * Liveness (`/healthz`: the process is up and serving; it checks nothing else, so that an orchestrator
 * does not restart a node for a database outage) and readiness (`/readyz`: every part it needs answers;
 * while one does not, a 503 in the upstream error shape names which, and load balancers route around it).
 */
export async function healthRoutes(app: FastifyInstance, deps: { checks: readonly ReadinessCheck[] }): Promise<void> {
  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    const results = await Promise.all(
      deps.checks.map(async (check) => ({ name: check.name, ok: await answers(check) })),
    );
    const down = results.filter((result) => !result.ok).map((result) => result.name);
    if (down.length > 0) {
      throw new AppError(
        'unavailable',
        `Not ready: the ${down.join(', the ')} ${down.length > 1 ? 'do' : 'does'} not answer.`,
        {
          headers: { 'retry-after': '5', 'cache-control': 'no-store' },
        },
      );
    }
    return reply.header('cache-control', 'no-store').send({ status: 'ready' });
  });
}

async function answers(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), probeTimeoutMs);
  });
  try {
    return await Promise.race([check.probe().then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
