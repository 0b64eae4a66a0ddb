import autocannon from 'autocannon';

export interface Scenario {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadSettings {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before the measurement, discarded: JIT, caches and connection set-up. */
  warmup: number;
}

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and responses outside 2xx: any of these makes the run suspect. */
  failures: number;
}

/** One autocannon run against one scenario. */
export async function measure(scenario: Scenario, settings: LoadSettings): Promise<Measurement> {
  const result = await autocannon({
    url: scenario.url,
    method: scenario.method,
    ...(scenario.headers && { headers: scenario.headers }),
    ...(scenario.body !== undefined && { body: scenario.body }),
    connections: settings.connections,
    duration: settings.duration,
    ...(settings.warmup > 0 && { warmup: { connections: settings.connections, duration: settings.warmup } }),
  });
  return {
    requestsPerSecond: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
