import type { JobHandle } from '../../src/jobs/define-job.js';
import type { JobQueue, SettledJob } from '../../src/jobs/types.js';

/**
 * Every attempt a queue's worker settles, from the moment this is created, and a way to wait for the
 * ones a test expects: tests wait for the queue, never for a fixed time.
 */
export class SettledJobs {
  readonly jobs: SettledJob[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(queue: JobQueue) {
    this.unsubscribe = queue.onSettled((job) => {
      this.jobs.push(job);
      for (const wake of this.waiters) wake();
    });
  }

  /** The first settled attempt that matches; fails after `timeoutMs`. */
  async waitFor(match: (job: SettledJob) => boolean, timeoutMs = 20_000): Promise<SettledJob> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.jobs.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`No matching job settled within ${timeoutMs} ms; settled: ${JSON.stringify(this.jobs)}.`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  /** Waits until `count` attempts of the job with this id have settled; returns them in order. */
  async attemptsOf(id: string, count: number, timeoutMs?: number): Promise<SettledJob[]> {
    await this.waitFor(() => this.jobs.filter((job) => job.id === id).length >= count, timeoutMs);
    return this.jobs.filter((job) => job.id === id);
  }

  close(): void {
    this.unsubscribe();
  }
}

/** Enqueues a job on a queue whose worker runs, and waits for its first attempt to settle. */
export async function runNow<P extends object>(queue: JobQueue, job: JobHandle<P>, payload: P): Promise<SettledJob> {
  const settled = new SettledJobs(queue);
  try {
    const id = await queue.enqueue(job, payload);
    if (id === undefined) throw new Error(`${job.name} was not enqueued (a job with its key waits).`);
    return await settled.waitFor((settledJob) => settledJob.id === id);
  } finally {
    settled.close();
  }
}
