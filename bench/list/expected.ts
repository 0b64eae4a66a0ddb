import type { ProcessStatus } from '../../src/core/process-status.js';
import { toIsoSeconds } from '../../src/core/time.js';
import { createdAtOf, type SeedPlan } from './plan.js';

export interface ExpectedPage {
  total: number;
  /** Status and creation time (ISO seconds) of each process on the page, newest first. */
  items: { status: ProcessStatus; createdAt: string }[];
}

/**
 * What GET /assure/processes must answer for the whole seeded range, newest first, worked out from the
 * plan alone: a check of the counts and of the deep-offset seek that does not trust the database.
 */
export function expectedPage(
  plan: SeedPlan,
  statuses: readonly ProcessStatus[],
  filter: readonly ProcessStatus[],
  offset: number,
  limit: number,
): ExpectedPage {
  const matches = (status: ProcessStatus) => filter.length === 0 || filter.includes(status);
  const total = statuses.filter(matches).length;
  const items: ExpectedPage['items'] = [];
  let seen = 0;
  for (let i = plan.count - 1; i >= 0 && items.length < limit; i--) {
    const status = statuses[i]!;
    if (!matches(status)) continue;
    if (seen++ >= offset) items.push({ status, createdAt: toIsoSeconds(createdAtOf(plan, i)) });
  }
  return { total, items };
}
