import type { ProcessStatus } from '../../src/core/process-status.js';

/** What gets seeded. Everything but the ids is a pure function of it, so a kept store can be checked too. */
export interface SeedPlan {
  clientId: string;
  count: number;
  dossiers: number;
  /** Creation time of the first process, whole seconds; the last is just under `spanMs` later. */
  startMs: number;
  spanMs: number;
}

/** A plausible production mix of process outcomes. */
export const statusMix: readonly (readonly [ProcessStatus, number])[] = [
  ['accepted', 0.6],
  ['rejected', 0.15],
  ['inconclusive', 0.1],
  ['failed', 0.08],
  ['pending', 0.05],
  ['canceled', 0.02],
];

/** Process i is created at an even step through the span: the list is ordered by this. */
export const createdAtOf = (plan: SeedPlan, i: number): number =>
  plan.startMs + Math.floor((i * plan.spanMs) / plan.count);

/** Consecutive processes share a dossier, as a user retrying a verification would. */
export const dossierOf = (plan: SeedPlan, i: number): number => Math.floor((i * plan.dossiers) / plan.count);

/** The first process of dossier k (the inverse of dossierOf). */
export const firstProcessOf = (plan: SeedPlan, k: number): number => Math.ceil((k * plan.count) / plan.dossiers);

/** The status of every process in creation order, from a fixed-seed generator (mulberry32). */
export function statusesOf(plan: SeedPlan): ProcessStatus[] {
  let state = 0x5eed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: plan.count }, () => {
    let r = next();
    for (const [status, share] of statusMix) {
      if (r < share) return status;
      r -= share;
    }
    return statusMix[0]![0];
  });
}
