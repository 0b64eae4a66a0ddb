import { performance } from 'node:perf_hooks';
import type { ProcessStatus } from '../../src/core/process-status.js';
import { percentile } from '../shared/stats.js';
import type { ExpectedPage } from './expected.js';

export interface ListCase {
  statuses: ProcessStatus[];
  offset: number;
}

export interface ListQuery extends ListCase {
  baseUrl: string;
  token: string;
  startCreationDate: string;
  limit: number;
}

export interface CaseResult {
  p50: number;
  p95: number;
  totalResults: number;
  /** What differs from the expected page; empty when the answer is right. */
  problems: string[];
}

interface ListResponse {
  totalResults: number;
  processes: { status: ProcessStatus; createdAt: string }[];
}

/** Warm-up requests, then sequential timed requests (one at a time: latency, not throughput). */
export async function measureCase(
  query: ListQuery,
  expected: ExpectedPage,
  warmups: number,
  samples: number,
): Promise<CaseResult> {
  const url = listUrl(query);
  const headers = { authorization: `Bearer ${query.token}` };
  for (let i = 0; i < warmups; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  let last: ListResponse | undefined;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body}`);
    last = JSON.parse(body) as ListResponse;
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    totalResults: last?.totalResults ?? Number.NaN,
    problems: last ? compare(last, expected) : ['no response'],
  };
}

function listUrl(query: ListQuery): string {
  const params = new URLSearchParams({
    startCreationDate: query.startCreationDate,
    offset: String(query.offset),
    limit: String(query.limit),
  });
  for (const status of query.statuses) params.append('status', status);
  return `${query.baseUrl}/assure/processes?${params.toString()}`;
}

function compare(actual: ListResponse, expected: ExpectedPage): string[] {
  const problems: string[] = [];
  if (actual.totalResults !== expected.total) {
    problems.push(`totalResults ${actual.totalResults}, expected ${expected.total}`);
  }
  if (actual.processes.length !== expected.items.length) {
    problems.push(`${actual.processes.length} processes on the page, expected ${expected.items.length}`);
  }
  const wrong = expected.items.findIndex(
    (item, i) => actual.processes[i]?.createdAt !== item.createdAt || actual.processes[i]?.status !== item.status,
  );
  if (wrong >= 0) problems.push(`page differs from item ${wrong} on (not the expected rows)`);
  return problems;
}
