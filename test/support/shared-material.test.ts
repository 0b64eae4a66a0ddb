import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedMaterial } from './shared-material.js';

const missing = path.join('/nonexistent-openassure-shared', 'corpus.json');

describe('sharedMaterial', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('answers true for a file that is there, also in CI', () => {
    vi.stubEnv('CI', '1');
    expect(sharedMaterial('this test', import.meta.filename)).toBe(true);
  });

  it('skips a missing file outside CI, saying which file once', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(sharedMaterial('the corpus', missing)).toBe(false);
    expect(sharedMaterial('the corpus', missing)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain(missing);
  });

  it.each(['true', '1'])('fails on a missing file when CI=%s', (value) => {
    vi.stubEnv('CI', value);
    expect(() => sharedMaterial('the corpus', missing)).toThrow(/Not found: the corpus .*In CI the shared material/);
  });

  it('treats CI=false as not CI', () => {
    vi.stubEnv('CI', 'false');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(sharedMaterial('the corpus', `${missing}.other`)).toBe(false);
  });
});
