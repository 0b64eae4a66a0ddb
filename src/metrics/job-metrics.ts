import type { JobQueue } from '../jobs/types.js';
import type { Metrics } from './registry.js';

/** Counts the job attempts this process finishes, and among them the webhook deliveries by outcome. */
export function countSettledJobs(queue: JobQueue, metrics: Metrics, deliveryJobName: string): () => void {
  return queue.onSettled((job) => {
    metrics.jobsSettled.inc({ kind: job.name, outcome: job.outcome });
    if (job.name === deliveryJobName) metrics.webhookDeliveries.inc({ outcome: job.outcome });
  });
}
