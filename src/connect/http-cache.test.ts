import { describe, expect, it } from 'vitest';
import { freshSeconds } from './http-cache.js';

const bounds = { defaultSeconds: 300, maxSeconds: 86_400 };
const now = Date.parse('2026-01-01T00:00:00Z');

describe('freshness of issuer documents', () => {
  it('takes max-age less the Age the response already has', () => {
    expect(freshSeconds({ 'cache-control': 'public, max-age=600' }, now, bounds)).toBe(600);
    expect(freshSeconds({ 'cache-control': 'max-age=600', age: '100' }, now, bounds)).toBe(500);
  });

  it('never reuses a response marked no-store or no-cache', () => {
    expect(freshSeconds({ 'cache-control': 'no-store, max-age=600' }, now, bounds)).toBe(0);
    expect(freshSeconds({ 'cache-control': 'no-cache' }, now, bounds)).toBe(0);
  });

  it('reads Expires against the response Date', () => {
    const headers = { expires: 'Thu, 01 Jan 2026 00:10:00 GMT', date: 'Thu, 01 Jan 2026 00:00:00 GMT' };
    expect(freshSeconds(headers, now + 3_600_000, bounds)).toBe(600);
    expect(freshSeconds({ expires: 'Thu, 01 Jan 2026 00:10:00 GMT' }, now, bounds)).toBe(600);
    expect(freshSeconds({ expires: 'soon' }, now, bounds)).toBe(0);
  });

  it('falls back to the default, and caps long lifetimes at a day', () => {
    expect(freshSeconds({}, now, bounds)).toBe(300);
    expect(freshSeconds({ 'cache-control': 'max-age=31536000' }, now, bounds)).toBe(86_400);
  });
});
