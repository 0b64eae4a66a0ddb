import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createOpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import type { BenchStore } from '../shared/stores.js';
import { statusesOf, type SeedPlan } from './plan.js';
import { analyze, fillCounts, insertRows } from './seed.js';

export interface SeededStore {
  plan: SeedPlan;
  clientSecret: string;
  /** Seconds spent on each step; absent when a kept store was reused. */
  seconds?: { rows: number; counts: number; analyze: number; total: number };
}

export const seedFile = 'seed.json';
const day = 86_400_000;

/** The seeded store: read back when a kept one is reused, otherwise seeded now. */
export async function prepareStore(store: BenchStore, count: number, dossiers: number): Promise<SeededStore> {
  const file = path.join(store.dataDir, seedFile);
  if (store.reused) return JSON.parse(readFileSync(file, 'utf8')) as SeededStore;
  const seeded = await seed(store, count, dossiers);
  // Written last: its presence is what makes a kept store complete.
  writeFileSync(file, JSON.stringify(seeded, null, 2));
  return seeded;
}

async function seed(store: BenchStore, count: number, dossiers: number): Promise<SeededStore> {
  const clientSecret = randomBytes(32).toString('base64url');
  const plan: SeedPlan = {
    clientId: 'sandbox-bench-list',
    count,
    dossiers,
    // "The last 30 days" as of now, in whole seconds so that an ISO-seconds filter matches it exactly.
    startMs: Math.floor((Date.now() - 30 * day) / 1000) * 1000,
    spanMs: 30 * day,
  };
  // The app creates the schema, the signing key and the client; the rows go straight through Kysely.
  const config = loadConfig({
    ...store.env,
    OPENASSURE_BOOTSTRAP_CLIENT_ID: plan.clientId,
    OPENASSURE_BOOTSTRAP_CLIENT_SECRET: clientSecret,
  });
  const app = await createOpenAssure(config, { logger: createLogger('warn', process.stderr) });
  try {
    const { db, dialect } = app.store;
    const started = performance.now();
    let lastLog = started;
    await insertRows(db, dialect, plan, statusesOf(plan), (done) => {
      if (performance.now() - lastLog < 10_000 && done < count) return;
      lastLog = performance.now();
      const rate = done / ((lastLog - started) / 1000);
      process.stderr.write(`  ${store.kind}: ${done.toLocaleString('en')} rows (${Math.round(rate)} rows/s)\n`);
    });
    const rowsDone = performance.now();
    await fillCounts(db, plan.clientId);
    const countsDone = performance.now();
    await analyze(db);
    const analyzeDone = performance.now();
    const s = (ms: number) => Math.round(ms / 100) / 10;
    return {
      plan,
      clientSecret,
      seconds: {
        rows: s(rowsDone - started),
        counts: s(countsDone - rowsDone),
        analyze: s(analyzeDone - countsDone),
        total: s(analyzeDone - started),
      },
    };
  } finally {
    await app.close();
  }
}
