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

  it('turns password sign-in to the console off only where single sign-on is the way in', () => {
    expect(loadConfig({}).console.localPasswords).toBe(true);
    expect(() => loadConfig({ OPENASSURE_CONSOLE_LOCAL_PASSWORDS: 'false' })).toThrow(
      /OPENASSURE_CONSOLE_LOCAL_PASSWORDS=false needs console single sign-on/,
    );
    const sso = {
      OPENASSURE_CONSOLE_OIDC_ISSUER: 'https://login.example.com',
      OPENASSURE_CONSOLE_OIDC_CLIENT_ID: 'console',
      OPENASSURE_CONSOLE_OIDC_CLIENT_SECRET: 'secret',
    };
    expect(loadConfig({ ...sso, OPENASSURE_CONSOLE_LOCAL_PASSWORDS: 'false' }).console.localPasswords).toBe(false);
  });

  it('keeps the processing timeout longer than a verification can take with its retries', () => {
    expect(loadConfig({}).verification.processingTimeoutMinutes).toBe(30);
    expect(loadConfig({ OPENASSURE_PROCESSING_TIMEOUT_MINUTES: '45' }).verification.processingTimeoutMinutes).toBe(45);
    // Five attempts of up to 10 minutes, and up to 150 s of backoff between them: 52.5 minutes.
    const slow = { OPENASSURE_VERIFY_TIMEOUT_SECONDS: '600' };
    expect(loadConfig(slow).verification.processingTimeoutMinutes).toBe(54);
    expect(() => loadConfig({ ...slow, OPENASSURE_PROCESSING_TIMEOUT_MINUTES: '53' })).toThrow(
      /OPENASSURE_PROCESSING_TIMEOUT_MINUTES must be more than 53/,
    );
    expect(() => loadConfig({ OPENASSURE_PROCESSING_TIMEOUT_MINUTES: '0' })).toThrow(/from 1 to 10080/);
    expect(() => loadConfig({ OPENASSURE_VERIFY_ATTEMPTS: '0' })).toThrow(/OPENASSURE_VERIFY_ATTEMPTS must be/);
  });
});
