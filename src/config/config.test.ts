import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './env-reader.js';

describe('loadConfig', () => {
  it('has embedded defaults for local use', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.http).toMatchObject({ host: '0.0.0.0', port: 8080, publicUrl: 'http://localhost:8080' });
    expect(config.store).toEqual({ kind: 'sqlite', file: path.resolve('data/openassure.sqlite') });
    expect(config.blobs.backend).toEqual({ kind: 'disk', dir: path.resolve('data/blobs') });
    expect(config.auth.issuer).toBe('http://localhost:8080/auth/open');
    expect(config.auth.bootstrapClient).toBeUndefined();
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
    expect(config.store).toMatchObject({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' });
  });

  it('names every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', OPENASSURE_BOOTSTRAP_CLIENT_ID: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT must be an integer/);
    expect(problems).toMatch(/DATABASE_URL must be a postgres/);
    expect(problems).toMatch(/must be set together/);
  });

  it('refuses insecure defaults in production mode', () => {
    expect(() => loadConfig({ OPENASSURE_MODE: 'production' })).toThrow(/OPENASSURE_BLOB_KEY is required/);
    expect(() => loadConfig({ OPENASSURE_MODE: 'production' })).toThrow(/must be an https URL/);
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      OPENASSURE_MODE: 'production',
      OPENASSURE_BLOB_KEY: key,
      OPENASSURE_PUBLIC_URL: 'https://idv.example.com/',
    });
    expect(config.http.publicUrl).toBe('https://idv.example.com');
    expect(config.blobs.masterKey?.length).toBe(32);
  });
});
