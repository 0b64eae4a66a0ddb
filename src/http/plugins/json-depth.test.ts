import { describe, expect, it } from 'vitest';
import { nestedDeeperThan } from './json-depth.js';

const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

describe('JSON nesting depth', () => {
  it('counts the top-level object or array as level 1', () => {
    expect(nestedDeeperThan({}, 1)).toBe(false);
    expect(nestedDeeperThan({ a: {} }, 1)).toBe(true);
    expect(nestedDeeperThan(nested(32), 32)).toBe(false);
    expect(nestedDeeperThan(nested(33), 32)).toBe(true);
  });

  it('ignores scalars, however many there are', () => {
    expect(nestedDeeperThan('text', 1)).toBe(false);
    expect(nestedDeeperThan(null, 1)).toBe(false);
    expect(nestedDeeperThan({ a: 1, b: 'x', c: null, d: [1, 2, 3] }, 2)).toBe(false);
  });

  it('finds a deep branch beside shallow ones, in objects and arrays alike', () => {
    const value = { shallow: [1], deep: { a: [{ b: [{}] }] } };
    expect(nestedDeeperThan(value, 5)).toBe(true);
    expect(nestedDeeperThan(value, 6)).toBe(false);
  });

  it('walks a million levels without overflowing the stack', () => {
    expect(nestedDeeperThan(nested(1_000_000), 32)).toBe(true);
  });
});
