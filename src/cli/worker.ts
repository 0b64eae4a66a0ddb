import { createOpenAssure } from '../app.js';
import type { Config } from '../config/config.js';
import { reloadTrustOnHangup } from './csca.js';
import { closeOnSignals } from './shutdown.js';

/** Runs a worker alone: verifications, notifications and expiry, without serving HTTP. */
export async function worker(config: Config): Promise<void> {
  const app = await createOpenAssure(config);
  closeOnSignals(app);
  reloadTrustOnHangup(app);
  await app.startWorker();
  await app.listenMetrics();
  app.logger.info({ queue: app.queue.kind, concurrency: config.jobs.concurrency }, 'worker started');
  console.log(`OpenAssure worker started (${app.queue.kind} queue, concurrency ${config.jobs.concurrency}).`);
}
