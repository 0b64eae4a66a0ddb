import os from 'node:os';
import path from 'node:path';
import { readBlobs, type BlobConfig } from './blobs.js';
import { readCapture, type CaptureConfig } from './capture.js';
import { readReview, type ReviewConfig } from './review.js';
import { readConsole, type ConsoleConfig } from './console.js';
import { readConsoleSso, type ConsoleSsoConfig } from './console-sso.js';
import { readChip, type ChipConfig } from './chip.js';
import { readOperations, type OperationsConfig } from './operations.js';
import { ConfigError, EnvReader } from './env-reader.js';

export type Mode = 'local' | 'production';
export type { BlobConfig } from './blobs.js';

export interface HttpConfig {
  host: string;
  port: number;
  /** The URL clients reach this server at; the token issuer and printed links derive from it. */
  publicUrl: string;
  trustProxy: boolean;
}

export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };

export interface AuthConfig {
  issuer: string;
  tokenTtlSeconds: number;
  /** Rotate the token signing key once it is this many days old; undefined: only when told to. */
  signingKeyDays: number | undefined;
  bootstrapClient: { clientId: string; clientSecret: string } | undefined;
}

export interface JobsConfig {
  /** Whether `serve` also runs a worker in the same process. */
  workerInServe: boolean;
  concurrency: number;
  /** A verification not finished after this long is taken for lost (its worker died) and run again. */
  verifyTimeoutSeconds: number;
  /** Attempts at a verification before it is given up and the process fails. */
  verifyAttempts: number;
  /** Delay before a verification's second attempt; it doubles for each further attempt. */
  verifyRetrySeconds: number;
  /** pg-boss: how often expired active jobs are looked for. */
  maintenanceIntervalSeconds: number;
  /** pg-boss workers stamp their jobs this often; three missed stamps hand a job to another worker. */
  heartbeatSeconds: number;
}

export interface VerificationConfig {
  /** Simulated vendor latency of sandbox results. */
  sandboxDelayMs: number;
  /** Worker threads running the OCR and face engines (each loads its own models). */
  engineThreads: number;
  /** Age the holder of a document must have reached (underage checks). */
  minimumAge: number;
  /** A file listing compromised document numbers, one per line (lost, stolen, known fraudulent). */
  compromisedDocumentsFile: string | undefined;
  /** Pending processes (other than PictureID, which has its own 15 minutes) fail after this long. */
  pendingExpiryMinutes: number;
  /** Processes still in processing this long after they started fail (the sweep of stuck processes). */
  processingTimeoutMinutes: number;
}

export interface RetentionConfig {
  /**
   * Days after a dossier's last final status until it is deleted with its blobs; 0 keeps dossiers
   * forever. A client's own setting (`openassure clients retention`) overrides it.
   */
  days: number;
}

export interface OutboundConfig {
  /** Allow notifications to private and loopback addresses (local development and tests only). */
  allowPrivate: boolean;
}

export interface Config {
  mode: Mode;
  dataDir: string;
  logLevel: string;
  http: HttpConfig;
  store: StoreConfig;
  blobs: BlobConfig;
  auth: AuthConfig;
  jobs: JobsConfig;
  verification: VerificationConfig;
  outbound: OutboundConfig;
  retention: RetentionConfig;
  capture: CaptureConfig;
  review: ReviewConfig;
  console: ConsoleConfig;
  /** Operators' single sign-on; undefined: local passwords only. */
  consoleSso: ConsoleSsoConfig | undefined;
  chip: ChipConfig;
  /** Metrics, rate limits and the token endpoint's lockout. */
  operations: OperationsConfig;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the whole configuration once; throws a ConfigError naming every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const read = new EnvReader(env);
  const mode = read.oneOf<Mode>('OPENASSURE_MODE', ['local', 'production'], 'local');
  const dataDir = path.resolve(read.string('OPENASSURE_DATA_DIR') ?? './data');
  const http = readHttp(read, mode);
  const jobs = readJobs(read);
  const consoleSso = readConsoleSso(read);
  const config: Config = {
    mode,
    dataDir,
    logLevel: read.oneOf('LOG_LEVEL', logLevels, 'info'),
    http,
    store: readStore(read, dataDir),
    blobs: readBlobs(read, dataDir, mode),
    auth: readAuth(read, http),
    jobs,
    verification: {
      sandboxDelayMs: read.integer('OPENASSURE_SANDBOX_DELAY_MS', 0, 0, 600_000),
      engineThreads: read.integer(
        'OPENASSURE_ENGINE_THREADS',
        Math.max(1, Math.min(4, os.availableParallelism())),
        1,
        64,
      ),
      minimumAge: read.integer('OPENASSURE_MINIMUM_AGE', 18, 0, 120),
      compromisedDocumentsFile: read.string('OPENASSURE_COMPROMISED_DOCUMENTS_FILE'),
      pendingExpiryMinutes: read.integer('OPENASSURE_PENDING_EXPIRY_MINUTES', 24 * 60, 1, 30 * 24 * 60),
      processingTimeoutMinutes: readProcessingTimeout(read, jobs),
    },
    outbound: readOutbound(read, mode),
    retention: { days: read.integer('OPENASSURE_RETENTION_DAYS', 0, 0, 36_500) },
    capture: readCapture(read),
    review: readReview(read),
    console: readConsole(read, mode, consoleSso !== undefined),
    consoleSso,
    chip: readChip(read),
    operations: readOperations(read),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

function readJobs(read: EnvReader): JobsConfig {
  return {
    workerInServe: read.boolean('OPENASSURE_WORKER_IN_SERVE', true),
    concurrency: read.integer('OPENASSURE_WORKER_CONCURRENCY', 2, 1, 64),
    verifyTimeoutSeconds: read.integer('OPENASSURE_VERIFY_TIMEOUT_SECONDS', 120, 2, 3600),
    verifyAttempts: read.integer('OPENASSURE_VERIFY_ATTEMPTS', 5, 1, 20),
    verifyRetrySeconds: read.integer('OPENASSURE_VERIFY_RETRY_SECONDS', 5, 1, 3600),
    maintenanceIntervalSeconds: read.integer('OPENASSURE_QUEUE_MAINTENANCE_SECONDS', 30, 1, 600),
    heartbeatSeconds: read.integer('OPENASSURE_WORKER_HEARTBEAT_SECONDS', 5, 1, 60),
  };
}

/**
 * The sweep must not fail a process whose verification is still being tried: the timeout has to
 * outlast every attempt at its full timeout plus the backoffs between them (doubling, and up to twice
 * as long with pg-boss's jitter). Unset, it is 30 minutes or that, whichever is longer.
 */
function readProcessingTimeout(read: EnvReader, jobs: JobsConfig): number {
  const retries = jobs.verifyAttempts - 1;
  const longestSeconds =
    jobs.verifyAttempts * jobs.verifyTimeoutSeconds + 2 * jobs.verifyRetrySeconds * (2 ** retries - 1);
  const longestMinutes = Math.ceil(longestSeconds / 60);
  const name = 'OPENASSURE_PROCESSING_TIMEOUT_MINUTES';
  const minutes = read.integer(name, Math.max(30, longestMinutes + 1), 1, 7 * 24 * 60);
  if (read.string(name) !== undefined && minutes <= longestMinutes) {
    read.fail(
      `${name} must be more than ${longestMinutes}, the longest a verification can take with its retries ` +
        '(OPENASSURE_VERIFY_ATTEMPTS, _TIMEOUT_SECONDS and _RETRY_SECONDS).',
    );
  }
  return minutes;
}

function readHttp(read: EnvReader, mode: Mode): HttpConfig {
  const port = read.integer('PORT', 8080, 0, 65535);
  const host = read.string('HOST') ?? '0.0.0.0';
  const publicUrl = (read.string('OPENASSURE_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  let url: URL | undefined;
  try {
    url = new URL(publicUrl);
  } catch {
    read.fail(`OPENASSURE_PUBLIC_URL must be an absolute URL (got "${publicUrl}").`);
  }
  if (url && !['http:', 'https:'].includes(url.protocol)) read.fail('OPENASSURE_PUBLIC_URL must be http or https.');
  if (url && mode === 'production' && url.protocol !== 'https:') {
    read.fail('OPENASSURE_PUBLIC_URL must be an https URL in production mode.');
  }
  return { host, port, publicUrl, trustProxy: read.boolean('OPENASSURE_TRUST_PROXY', false) };
}

function readOutbound(read: EnvReader, mode: Mode): OutboundConfig {
  const allowPrivate = read.boolean('OPENASSURE_OUTBOUND_ALLOW_PRIVATE', false);
  if (allowPrivate && mode === 'production') {
    read.fail('OPENASSURE_OUTBOUND_ALLOW_PRIVATE cannot be used in production mode.');
  }
  return { allowPrivate };
}

function readStore(read: EnvReader, dataDir: string): StoreConfig {
  const url = read.string('DATABASE_URL');
  if (url === undefined) return { kind: 'sqlite', file: path.join(dataDir, 'openassure.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { kind: 'postgres', url, poolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200) };
  }
  read.fail('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite store).');
  return { kind: 'sqlite', file: path.join(dataDir, 'openassure.sqlite') };
}

function readAuth(read: EnvReader, http: HttpConfig): AuthConfig {
  const clientId = read.string('OPENASSURE_BOOTSTRAP_CLIENT_ID');
  const clientSecret = read.string('OPENASSURE_BOOTSTRAP_CLIENT_SECRET');
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    read.fail('OPENASSURE_BOOTSTRAP_CLIENT_ID and OPENASSURE_BOOTSTRAP_CLIENT_SECRET must be set together.');
  }
  if (clientId !== undefined && !/^[A-Za-z0-9._~-]{3,128}$/.test(clientId)) {
    read.fail('OPENASSURE_BOOTSTRAP_CLIENT_ID must be 3-128 characters of letters, digits and . _ ~ -.');
  }
  if (clientSecret !== undefined && clientSecret.length < 16) {
    read.fail('OPENASSURE_BOOTSTRAP_CLIENT_SECRET must be at least 16 characters.');
  }
  return {
    issuer: `${http.publicUrl}/auth/open`,
    tokenTtlSeconds: read.integer('OPENASSURE_TOKEN_TTL_SECONDS', 600, 60, 3600),
    signingKeyDays:
      read.string('OPENASSURE_SIGNING_KEY_DAYS') === undefined
        ? undefined
        : read.integer('OPENASSURE_SIGNING_KEY_DAYS', 90, 1, 3650),
    bootstrapClient: clientId !== undefined && clientSecret !== undefined ? { clientId, clientSecret } : undefined,
  };
}
