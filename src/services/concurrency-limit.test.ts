import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from './concurrency-limit.js';

describe('ConcurrencyLimit', () => {
  it('never runs more than the limit at once, and starts the waiting tasks in order as slots free', async () => {
    const limit = new ConcurrencyLimit(2);
    const started: number[] = [];
    const finish = new Map<number, () => void>();
    // Each task runs until the test finishes it, so what overlaps is decided here, not by timers.
    const task = (value: number) =>
      limit.run(async () => {
        started.push(value);
        await new Promise<void>((resolve) => finish.set(value, resolve));
        return value;
      });
    const results = Promise.all([1, 2, 3, 4, 5].map(task));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(started).toEqual([1, 2]);
    finish.get(2)!();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    finish.get(1)!();
    finish.get(3)!();
    await settle();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    finish.get(4)!();
    finish.get(5)!();
    expect(await results).toEqual([1, 2, 3, 4, 5]);
  });

  it('frees the slot of a failed task', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
