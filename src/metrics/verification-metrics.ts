import type { ProcessRecord, StatusChangeListener } from '../core/domain.js';
import { isFinal } from '../core/process-status.js';
import type { Metrics } from './registry.js';

/**
 * Counts processes reaching a final status, and how long they took from creation. It listens inside the
 * status change's transaction, so a change whose transaction then rolls back (rare: a lost race) is
 * counted all the same.
 */
export function verificationMetrics(metrics: Metrics): StatusChangeListener<unknown> {
  return {
    async statusChanged(_tx: unknown, process: ProcessRecord, now: number) {
      if (!isFinal(process.status)) return;
      const labels = { provider: process.provider, status: process.status };
      metrics.verifications.inc(labels);
      metrics.timeToFinal.observe(labels, Math.max(0, (now - process.createdAt) / 1000));
    },
  };
}
