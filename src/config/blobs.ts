import path from 'node:path';
import ipaddr from 'ipaddr.js';
import type { EnvReader } from './env-reader.js';

/**
 * Which blob adapter to open, with its options (checked again by the adapter's own manifest in
 * src/blobs/). Declared here, where the settings are read, so the settings need nothing from the
 * adapters.
 */
export type BlobBackendChoice =
  | { kind: 'disk'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

export interface BlobConfig {
  /** The adapter that keeps the bytes: `disk` (default) or `s3`. */
  backend: BlobBackendChoice;
  /** 32-byte key-encryption key; when absent (local mode only) one is generated in the data dir. */
  masterKey: Buffer | undefined;
}

const s3Settings = [
  'OPENASSURE_S3_ENDPOINT',
  'OPENASSURE_S3_BUCKET',
  'OPENASSURE_S3_REGION',
  'OPENASSURE_S3_ACCESS_KEY_ID',
  'OPENASSURE_S3_SECRET_ACCESS_KEY',
  'OPENASSURE_S3_FORCE_PATH_STYLE',
] as const;

export function readBlobs(read: EnvReader, dataDir: string, mode: 'local' | 'production'): BlobConfig {
  const kind = read.oneOf('OPENASSURE_BLOB_STORE', ['disk', 's3'] as const, 'disk');
  const masterKey = readMasterKey(read, mode);
  if (kind === 's3') {
    // A blob directory set beside S3 means the operator expects files somewhere they will not be.
    if (read.string('OPENASSURE_BLOB_DIR') !== undefined) {
      read.fail('OPENASSURE_BLOB_DIR applies to OPENASSURE_BLOB_STORE=disk only; unset it when using s3.');
    }
    return { backend: readS3(read, mode), masterKey };
  }
  // The reverse mistake is worse: S3 settings without OPENASSURE_BLOB_STORE=s3 would silently keep
  // identity documents on this machine's disk.
  const stray = s3Settings.filter((name) => read.string(name) !== undefined);
  if (stray.length > 0) {
    read.fail(`${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set but OPENASSURE_BLOB_STORE is not s3.`);
  }
  const dir = path.resolve(read.string('OPENASSURE_BLOB_DIR') ?? path.join(dataDir, 'blobs'));
  return { backend: { kind: 'disk', dir }, masterKey };
}

function readMasterKey(read: EnvReader, mode: 'local' | 'production'): Buffer | undefined {
  const raw = read.string('OPENASSURE_BLOB_KEY');
  if (raw === undefined) {
    if (mode === 'production')
      read.fail('OPENASSURE_BLOB_KEY is required in production mode (openssl rand -base64 32).');
    return undefined;
  }
  const masterKey = Buffer.from(raw, 'base64');
  if (masterKey.length !== 32 || masterKey.toString('base64') !== raw) {
    read.fail('OPENASSURE_BLOB_KEY must be 32 random bytes in base64 (openssl rand -base64 32).');
    return undefined;
  }
  return masterKey;
}

// S3's rules for bucket names (the DNS-safe ones, which path-style and virtual-host addressing both accept).
const bucketPattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function readS3(read: EnvReader, mode: 'local' | 'production'): BlobBackendChoice {
  const endpoint = readEndpoint(read, mode);
  const bucket = read.string('OPENASSURE_S3_BUCKET');
  if (bucket === undefined) read.fail('OPENASSURE_S3_BUCKET is required when OPENASSURE_BLOB_STORE=s3.');
  else if (!bucketPattern.test(bucket) || bucket.includes('..')) {
    read.fail(
      `OPENASSURE_S3_BUCKET must be a valid S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens (got "${bucket}").`,
    );
  }
  // On AWS the region decides where the data lives, so it is never guessed; other servers mostly ignore it.
  const region = read.string('OPENASSURE_S3_REGION') ?? (endpoint !== undefined ? 'us-east-1' : undefined);
  if (region === undefined) {
    read.fail('OPENASSURE_S3_REGION is required when OPENASSURE_BLOB_STORE=s3 without OPENASSURE_S3_ENDPOINT (AWS).');
  } else if (!/^[a-z0-9-]{1,64}$/.test(region)) {
    read.fail(`OPENASSURE_S3_REGION must be a region name such as eu-west-1 (got "${region}").`);
  }
  const accessKeyId = read.string('OPENASSURE_S3_ACCESS_KEY_ID');
  const secretAccessKey = read.string('OPENASSURE_S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    read.fail(
      'OPENASSURE_S3_ACCESS_KEY_ID and OPENASSURE_S3_SECRET_ACCESS_KEY must be set together (or neither, for the default AWS credential chain).',
    );
  }
  return {
    kind: 's3',
    bucket: bucket ?? '',
    region: region ?? '',
    ...(endpoint !== undefined && { endpoint }),
    forcePathStyle: read.boolean('OPENASSURE_S3_FORCE_PATH_STYLE', false),
    ...(accessKeyId !== undefined &&
      secretAccessKey !== undefined && { credentials: { accessKeyId, secretAccessKey } }),
  };
}

/**
 * The endpoint of an S3-compatible server. Blobs are encrypted before they leave, but plain HTTP still
 * exposes the request signatures, object names and sizes, and lets anyone on the path delete or replay
 * objects; production therefore takes http only to a loopback address (a store on the same host).
 */
function readEndpoint(read: EnvReader, mode: 'local' | 'production'): string | undefined {
  const raw = read.string('OPENASSURE_S3_ENDPOINT');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    read.fail(`OPENASSURE_S3_ENDPOINT must be an absolute http(s) URL (got "${raw}").`);
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    read.fail(`OPENASSURE_S3_ENDPOINT must be an http or https URL (got "${url.protocol}").`);
  } else if (url.username !== '' || url.password !== '') {
    read.fail(
      'OPENASSURE_S3_ENDPOINT must not hold credentials; use OPENASSURE_S3_ACCESS_KEY_ID and OPENASSURE_S3_SECRET_ACCESS_KEY.',
    );
  } else if (mode === 'production' && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    read.fail(
      'OPENASSURE_S3_ENDPOINT must be an https URL in production mode (plain http only to a loopback address).',
    );
  }
  return raw;
}

function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  const address = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';
}
