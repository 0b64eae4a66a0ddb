import { systemClock, utcDay, type Clock } from '../../src/core/time.js';

/** A clock tests can move. It starts at the real time and only moves when told to. */
export class TestClock implements Clock {
  private current = systemClock.now();

  now(): number {
    return this.current;
  }

  today(): string {
    return utcDay(this.current);
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
