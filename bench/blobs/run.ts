/**
 * Peak memory of a server process while a client downloads the zip of a process with a large video:
 * the buffered download (how it was: every blob read whole, see buffered-server.ts) against the
 * streamed one (OpenAssure's own download route), with blobs on disk and in S3 (s3rver on loopback,
 * running in this process so that its memory is not counted). Each download runs in a fresh server
 * process; the figure is how far that process's peak resident set (VmHWM, reset just before the
 * download) rose above its resident set when the download began.
 *
 *   npx tsx bench/blobs/run.ts [--video-mb 100] [--rounds 3]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startS3Server } from '../../test/support/s3-server.js';
import { startChild } from '../shared/child.js';
import { fetchToken } from '../shared/http.js';
import { describeRun } from '../shared/machine.js';
import type { OpenAssureServerInfo, OpenAssureServerSettings } from '../shared/openassure-server.js';
import { fixed, median } from '../shared/stats.js';
import { openBenchStore } from '../shared/stores.js';
import { seedVideoProcess, type SeededProcess } from './seed.js';

const { values: flags } = parseArgs({
  options: { 'video-mb': { type: 'string', default: '100' }, rounds: { type: 'string', default: '3' } },
});
const videoBytes = Number(flags['video-mb']) * 1024 * 1024;
const rounds = Number(flags.rounds);
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const mib = (bytes: number) => bytes / 1024 / 1024;

/** VmRSS and VmHWM (peak) of a process, in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Sets a process's peak (VmHWM) back to its current resident set (Linux 4.0+), so startup does not count. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Downloads and discards the body, as a client saving it to disk would; returns its size. */
async function download(url: string, token?: string): Promise<number> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200 || !response.body) throw new Error(`download: ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.length;
  return bytes;
}

interface Measurement {
  growthMiB: number;
  peakMiB: number;
  seconds: number;
}

async function measure(mode: 'buffered' | 'streamed', env: Record<string, string>, seeded: SeededProcess) {
  const settings: OpenAssureServerSettings = { env, client: seeded.client };
  const child =
    mode === 'streamed'
      ? await startChild<OpenAssureServerInfo>(script('../shared/openassure-server.ts'), settings)
      : await startChild<{ port: number }>(script('./buffered-server.ts'), { env });
  try {
    const baseUrl = `http://127.0.0.1:${child.info.port}`;
    const url =
      mode === 'streamed'
        ? `${baseUrl}/assure/dossiers/${seeded.dossierId}/processes/${seeded.processId}/download`
        : `${baseUrl}/download/${seeded.processId}`;
    const token = mode === 'streamed' ? await fetchToken(baseUrl, seeded.client.id, seeded.client.secret) : undefined;
    resetPeak(child.pid);
    const ready = memoryOf(child.pid);
    const started = performance.now();
    const bytes = await download(url, token);
    const seconds = (performance.now() - started) / 1000;
    if (bytes < videoBytes) throw new Error(`${mode}: the zip has ${bytes} bytes, less than the video.`);
    const after = memoryOf(child.pid);
    return { growthMiB: mib(after.peak - ready.rss), peakMiB: mib(after.peak), seconds };
  } finally {
    await child.stop();
  }
}

const rows: string[] = [];
for (const blobStore of ['disk', 's3'] as const) {
  const store = await openBenchStore('sqlite', { label: `blobs-${blobStore}` });
  const s3 = blobStore === 's3' ? await startS3Server(path.join(store.dataDir, 's3')) : undefined;
  try {
    const env = { ...store.env, ...(s3?.env ?? {}), OPENASSURE_PUBLIC_URL: 'http://127.0.0.1' };
    const seeded = await seedVideoProcess(env, videoBytes);
    const results: Record<'buffered' | 'streamed', Measurement[]> = { buffered: [], streamed: [] };
    for (let round = 0; round < rounds; round++) {
      // Interleaved, so that a noisy moment of the machine does not fall on one side only.
      for (const mode of ['buffered', 'streamed'] as const) {
        const result = await measure(mode, env, seeded);
        results[mode].push(result);
        console.error(
          `${blobStore} ${mode} round ${round + 1}: +${fixed(result.growthMiB)} MiB in ${fixed(result.seconds, 2)} s`,
        );
      }
    }
    for (const mode of ['buffered', 'streamed'] as const) {
      const list = results[mode];
      rows.push(
        `| ${blobStore} | ${mode} | ${fixed(median(list.map((r) => r.growthMiB)))} | ${fixed(median(list.map((r) => r.peakMiB)))} | ${fixed(median(list.map((r) => r.seconds)), 2)} | ${list.map((r) => fixed(r.growthMiB)).join(', ')} |`,
      );
    }
  } finally {
    await s3?.close();
    await store.cleanup();
  }
}

console.log(
  [
    `### Download of a zip with a ${flags['video-mb']} MiB video: server memory (medians of ${rounds} rounds)`,
    '',
    ...describeRun(),
    '',
    '| blobs | download | peak growth MiB | peak RSS MiB | seconds | growth per round |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n'),
);
