import type { Logger } from '../logging/logger.js';
import type { SettledJob } from './types.js';

/** The listeners of a queue's settled jobs; a listener that throws is logged and does not stop the others. */
export class SettledListeners {
  private readonly listeners = new Set<(job: SettledJob) => void>();

  constructor(private readonly logger: Logger) {}

  add(listener: (job: SettledJob) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(job: SettledJob): void {
    for (const listener of this.listeners) {
      try {
        listener(job);
      } catch (error) {
        this.logger.warn({ err: error, job: job.name }, 'a settled-job listener failed');
      }
    }
  }
}
