import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './env-reader.js';

const production = {
  OPENASSURE_MODE: 'production',
  OPENASSURE_BLOB_KEY: Buffer.alloc(32, 7).toString('base64'),
  OPENASSURE_PUBLIC_URL: 'https://idv.example.com',
};
const s3 = { OPENASSURE_BLOB_STORE: 's3', OPENASSURE_S3_BUCKET: 'kyc-blobs', OPENASSURE_S3_REGION: 'eu-west-1' };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
}

describe('blob store settings', () => {
  it('select S3 with its settings, and the default AWS credential chain when no keys are given', () => {
    expect(loadConfig(s3).blobs.backend).toEqual({
      kind: 's3',
      bucket: 'kyc-blobs',
      region: 'eu-west-1',
      forcePathStyle: false,
    });
    const config = loadConfig({
      ...s3,
      OPENASSURE_S3_ENDPOINT: 'http://127.0.0.1:9000',
      OPENASSURE_S3_REGION: '',
      OPENASSURE_S3_FORCE_PATH_STYLE: 'true',
      OPENASSURE_S3_ACCESS_KEY_ID: 'minio',
      OPENASSURE_S3_SECRET_ACCESS_KEY: 'minio-secret',
    });
    expect(config.blobs.backend).toEqual({
      kind: 's3',
      bucket: 'kyc-blobs',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' },
    });
  });

  it('name every missing or bad S3 setting', () => {
    const problems = problemsOf({
      OPENASSURE_BLOB_STORE: 's3',
      OPENASSURE_S3_ACCESS_KEY_ID: 'only-half',
      OPENASSURE_S3_FORCE_PATH_STYLE: 'maybe',
    });
    expect(problems).toMatch(/OPENASSURE_S3_BUCKET is required/);
    expect(problems).toMatch(/OPENASSURE_S3_REGION is required/);
    expect(problems).toMatch(/OPENASSURE_S3_ACCESS_KEY_ID and OPENASSURE_S3_SECRET_ACCESS_KEY must be set together/);
    expect(problems).toMatch(/OPENASSURE_S3_FORCE_PATH_STYLE must be true or false/);
    expect(problemsOf({ ...s3, OPENASSURE_S3_BUCKET: 'Bad_Bucket' })).toMatch(/OPENASSURE_S3_BUCKET must be a valid/);
    expect(problemsOf({ ...s3, OPENASSURE_S3_REGION: 'EU West' })).toMatch(/OPENASSURE_S3_REGION must be/);
    expect(problemsOf({ ...s3, OPENASSURE_S3_ENDPOINT: 'minio:9000' })).toMatch(/OPENASSURE_S3_ENDPOINT must be/);
    expect(problemsOf({ ...s3, OPENASSURE_S3_ENDPOINT: 'https://key:secret@s3.example.com' })).toMatch(
      /OPENASSURE_S3_ENDPOINT must not hold credentials/,
    );
    expect(problemsOf({ OPENASSURE_BLOB_STORE: 'ftp' })).toMatch(/OPENASSURE_BLOB_STORE must be one of disk, s3/);
  });

  it('refuse S3 settings that would be ignored, and a blob directory beside S3', () => {
    expect(problemsOf({ OPENASSURE_S3_BUCKET: 'kyc-blobs' })).toMatch(
      /OPENASSURE_S3_BUCKET is set but OPENASSURE_BLOB_STORE is not s3/,
    );
    expect(problemsOf({ ...s3, OPENASSURE_BLOB_DIR: '/srv/blobs' })).toMatch(/OPENASSURE_BLOB_DIR applies to/);
  });

  it('take plain http to S3 in production only on loopback', () => {
    const endpoint = (url: string) => problemsOf({ ...production, ...s3, OPENASSURE_S3_ENDPOINT: url });
    expect(endpoint('http://minio.internal:9000')).toMatch(/must be an https URL in production mode/);
    expect(endpoint('http://10.0.0.5:9000')).toMatch(/must be an https URL in production mode/);
    expect(endpoint('https://minio.internal:9000')).toBe('');
    expect(endpoint('http://127.0.0.1:9000')).toBe('');
    expect(endpoint('http://localhost:9000')).toBe('');
    expect(endpoint('http://[::1]:9000')).toBe('');
    expect(problemsOf({ ...s3, OPENASSURE_S3_ENDPOINT: 'http://minio.internal:9000' })).toBe('');
  });
});
