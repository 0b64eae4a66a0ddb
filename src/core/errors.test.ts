import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError, errorCodes, errorType, type ErrorCode } from './errors.js';

describe('error codes', () => {
  const codes = Object.keys(errorCodes) as ErrorCode[];

  it('map every code to an HTTP error status and a title', () => {
    for (const code of codes) {
      const { status, title } = errorCodes[code];
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(title.length, code).toBeGreaterThan(0);
    }
  });

  it('are all documented in docs/errors.md', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../docs/errors.md', import.meta.url)), 'utf8');
    const missing = codes.filter((code) => !docs.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('carry the status and title of their code', () => {
    const error = new AppError('conflict', 'Already there.');
    expect(error.status).toBe(409);
    expect(error.title).toBe('Conflict');
    expect(errorType(error.status)).toBe('base:client-problem');
    expect(errorType(500)).toBe('base:server-problem');
  });
});
