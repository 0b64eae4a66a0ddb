import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueStat } from '../jobs/types.js';

/** Buckets for request latency, in seconds: most answers take milliseconds, uploads and engines longer. */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Time to a final status: seconds for the sandbox, minutes for a review, up to a day for a pending one. */
const finalBuckets = [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600];
const engineBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

/**
 * Every metric of one process, in a registry of its own (several apps in one process, as in the tests,
 * do not mix). Labels are route patterns, provider names, statuses and job kinds: never an id, a URL
 * as sent, or anything about a person, so that the label sets stay small and say nothing private.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly verifications: Counter<'provider' | 'status'>;
  readonly timeToFinal: Histogram<'provider' | 'status'>;
  readonly jobsSettled: Counter<'kind' | 'outcome'>;
  readonly webhookDeliveries: Counter<'outcome'>;
  readonly engineDuration: Histogram<'engine' | 'outcome'>;
  readonly blobErrors: Counter<'operation'>;

  /** `queueStats` is read on each scrape (the queue gauges); a failure leaves them out of that scrape. */
  constructor(queueStats: () => Promise<QueueStat[]>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'openassure_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern (not the URL as sent), method and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: latencyBuckets,
      registers,
    });
    this.verifications = new Counter({
      name: 'openassure_verifications_total',
      help: 'Processes that reached a final status, by provider and that status.',
      labelNames: ['provider', 'status'],
      registers,
    });
    this.timeToFinal = new Histogram({
      name: 'openassure_verification_time_to_final_seconds',
      help: 'From the creation of a process to its final status, by provider and that status.',
      labelNames: ['provider', 'status'],
      buckets: finalBuckets,
      registers,
    });
    // prom-client collects the metrics of a scrape concurrently: each queue gauge awaits the same query.
    const stats = oncePerScrape(queueStats);
    const queueGauge = (name: string, help: string, value: (stat: QueueStat) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['kind'],
        registers,
        async collect() {
          this.reset();
          for (const stat of (await stats()) ?? []) this.set({ kind: stat.name }, value(stat));
        },
      });
    queueGauge(
      'openassure_queue_waiting_jobs',
      'Jobs waiting in the queue (queued or waiting out a retry delay), by kind; read on scrape.',
      (stat) => stat.waiting,
    );
    queueGauge('openassure_queue_active_jobs', 'Jobs a worker holds now, by kind; read on scrape.', (s) => s.active);
    queueGauge(
      'openassure_queue_oldest_due_job_age_seconds',
      'Age of the oldest job that is due and not yet taken, by kind (0: none); read on scrape.',
      (stat) => stat.oldestDueSeconds,
    );
    new Gauge({
      name: 'openassure_queue_stats_up',
      help: '1 when the queue gauges of this scrape could be read, 0 when the queue did not answer.',
      registers,
      async collect() {
        this.set((await stats()) === undefined ? 0 : 1);
      },
    });
    this.jobsSettled = new Counter({
      name: 'openassure_jobs_settled_total',
      help: 'Job attempts this process finished, by kind and outcome (completed, retrying, failed, invalid).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.webhookDeliveries = new Counter({
      name: 'openassure_webhook_deliveries_total',
      help: 'Notification delivery attempts by outcome (completed, retrying, failed, invalid).',
      labelNames: ['outcome'],
      registers,
    });
    this.engineDuration = new Histogram({
      name: 'openassure_engine_duration_seconds',
      help: 'Time of each engine call (MRZ, OCR, faces, image checks), by engine and outcome.',
      labelNames: ['engine', 'outcome'],
      buckets: engineBuckets,
      registers,
    });
    this.blobErrors = new Counter({
      name: 'openassure_blob_store_errors_total',
      help: 'Failed blob store operations (a missing blob is not counted), by operation.',
      labelNames: ['operation'],
      registers,
    });
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** Calls `read` at most once per scrape (calls within a second share one answer); undefined when it failed. */
function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T | undefined> {
  let pending: { at: number; answer: Promise<T | undefined> } | undefined;
  return () => {
    const now = performance.now();
    if (!pending || now - pending.at > 1000) {
      pending = { at: now, answer: read().catch(() => undefined) };
    }
    return pending.answer;
  };
}
