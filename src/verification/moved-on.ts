import { AppError } from '../core/errors.js';

/**
 * A sweep's change of one process, where losing the race is fine: another run of the sweep (the
 * scheduler's, beside one started by hand) or a verification that finished may have changed the process
 * between reading it and the compare-and-set, which then answers a conflict. That process has moved on;
 * the sweep goes on with the next (undefined here) instead of failing the whole run.
 */
export async function movedOnMeanwhile<T>(change: Promise<T>): Promise<T | undefined> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return undefined;
    throw error;
  }
}
