import { percentile } from '../shared/stats.js';
import type { LiveCase } from './documents.js';

export interface LiveLoadResult {
  completed: number;
  /** Verifications whose final status was not the one a genuine document should get. */
  unexpected: number;
  /** Final statuses counted per kind of case, e.g. {"signicatpaper passport": {accepted: 9}}. */
  statuses: Record<string, Record<string, number>>;
  errors: number;
  perMinute: number;
  p50Ms: number;
  p95Ms: number;
  /** Get process path of a verification that finished, for the probe to read. */
  finishedPath?: string;
}

export interface ProbeResult {
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

type Call = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

function caller(baseUrl: string, token: string): Call {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  };
}

/**
 * `users` integrators, each running live verifications one after another for `seconds`, taking the
 * cases in turn: create a dossier and the process, upload, start, poll Get process every 100 ms until
 * final. A genuine document should come back accepted; anything else is counted as unexpected.
 */
export async function runLiveLoad(
  baseUrl: string,
  token: string,
  cases: readonly LiveCase[],
  users: number,
  seconds: number,
): Promise<LiveLoadResult> {
  const call = caller(baseUrl, token);
  const durations: number[] = [];
  let errors = 0;
  let unexpected = 0;
  let next = 0;
  let finishedPath: string | undefined;
  const statuses: Record<string, Record<string, number>> = {};
  const until = Date.now() + seconds * 1000;
  const user = async () => {
    while (Date.now() < until) {
      const item = cases[next++ % cases.length]!;
      const started = Date.now();
      try {
        const { dossierId } = (await call('POST', '/assure/dossiers', {})) as { dossierId: string };
        const { processId } = (await call('POST', `/assure/dossiers/${dossierId}/processes`, item.process)) as {
          processId: string;
        };
        const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
        await call('POST', `${path}/images`, item.images);
        await call('POST', path, {});
        let status: unknown;
        let final: Record<string, unknown> = {};
        for (;;) {
          final = await call('GET', path);
          ({ status } = final);
          if (status !== 'processing' && status !== 'pending') break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        finishedPath = path;
        if (Date.now() > until) continue;
        durations.push(Date.now() - started);
        if (status !== 'accepted') {
          unexpected++;
          if (process.env.DEBUG_LIVE)
            process.stderr.write(`${item.name} #${next}: ${JSON.stringify(final).slice(0, 1500)}\n`);
        }
        const counts = (statuses[item.name] ??= {});
        counts[String(status)] = (counts[String(status)] ?? 0) + 1;
      } catch (error) {
        errors++;
        process.stderr.write(`${String(error)}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  return {
    completed: durations.length,
    unexpected,
    statuses,
    errors,
    perMinute: (durations.length / seconds) * 60,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    ...(finishedPath !== undefined && { finishedPath }),
  };
}

/**
 * One client reading a finished process with Get process every `intervalMs` for `seconds`, one request
 * at a time: what an integrator polling status sees while verifications run (or not) beside it.
 */
export async function probeGetProcess(
  baseUrl: string,
  token: string,
  path: string,
  seconds: number,
  intervalMs = 20,
): Promise<ProbeResult> {
  const call = caller(baseUrl, token);
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const started = performance.now();
    await call('GET', path);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return {
    requests: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
