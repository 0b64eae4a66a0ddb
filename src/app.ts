import { mkdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { ClientDirectory } from './auth/client-directory.js';
import { KeyRing } from './auth/key-ring.js';
import { TokenService } from './auth/token-service.js';
import type { BlobStore } from './blobs/blob-store.js';
import { DossierKeyring } from './blobs/dossier-keyring.js';
import { loadMasterKey } from './blobs/master-key.js';
import { openBlobStore } from './blobs/open-blob-store.js';
import { CscaTrust, type LoadedTrust } from './chip/trust-store.js';
import type { Config } from './config/config.js';
import { systemClock, type Clock } from './core/time.js';
import { Sealer } from './crypto/sealer.js';
import { buildHttpServer } from './http/server.js';
import { createEnginePool } from './engines/pool/engine-pool.js';
import type { Engines } from './engines/pool/types.js';
import { createJobQueue } from './jobs/create-queue.js';
import type { RunnableJob } from './jobs/define-job.js';
import {
  applyRetention,
  deliverNotification,
  expirePendingProcesses,
  failStuckProcesses,
  verifyProcess,
} from './jobs/definitions.js';
import type { JobQueue, QueueStat } from './jobs/types.js';
import { ClientRateLimit } from './limits/client-limit.js';
import { createRateCounter } from './limits/create-counter.js';
import { TokenGuard } from './limits/token-guard.js';
import { createLogger, type Logger } from './logging/logger.js';
import { countedBlobs } from './metrics/counted-blobs.js';
import { countSettledJobs } from './metrics/job-metrics.js';
import { Metrics } from './metrics/registry.js';
import { timedEngines } from './metrics/timed-engines.js';
import { verificationMetrics } from './metrics/verification-metrics.js';
import { buildMetricsServer } from './http/metrics-server.js';
import type { ReadinessCheck } from './http/routes/health.js';
import { createSafeFetch } from './net/safe-fetch.js';
import { LoggingSmsSender, type SmsSender } from './notifications/sms.js';
import { deliverHandlers } from './notifications/deliver-job.js';
import { NotificationPlanner } from './notifications/planner.js';
import { destinationCheck } from './notifications/webhook-url.js';
import { SandboxBackend } from './sandbox/backend.js';
import { ClientService } from './services/clients.js';
import type { ServiceDeps } from './services/context.js';
import { createServices, type Services } from './services/create-services.js';
import { retentionHandlers } from './services/retention.js';
import { StoreStatusChanges } from './services/status-changes.js';
import { openDatabase } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { expiryHandlers } from './verification/expiry-job.js';
import { EngineBackend } from './verification/engine-backend.js';
import { stuckProcessesHandlers } from './verification/stuck-processes-job.js';
import { verifyHandlers } from './verification/verify-job.js';
import type { ClientEnvironment } from './core/domain.js';
import { Store } from './store/store.js';
import type { VerificationBackend } from './verification/backend.js';

export interface OpenAssure {
  config: Config;
  logger: Logger;
  store: Store;
  queue: JobQueue;
  clients: ClientService;
  services: Services;
  http: FastifyInstance;
  metrics: Metrics;
  /** The separate `/metrics` listener (OPENASSURE_METRICS_PORT), if configured; not yet listening. */
  metricsServer: FastifyInstance | undefined;
  /** Starts the separate metrics listener, when there is one. */
  listenMetrics(): Promise<void>;
  /** Starts taking jobs (verifications, notifications, expiry) in this process. */
  startWorker(): Promise<void>;
  /** Loads OPENASSURE_CSCA_PATH again (on SIGHUP); a failed reload keeps the trust store in use. */
  reloadTrust(): Promise<LoadedTrust>;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** Replaces the verification backend of an environment (e.g. a vendor client composed elsewhere). */
  backends?: Partial<Record<ClientEnvironment, VerificationBackend>>;
  /** The SMS gateway of the capture flow's handover; by default none (the message is logged as not sent). */
  sms?: SmsSender;
}

/** The composition root: configuration in, a ready server (not yet listening) out. */
export async function createOpenAssure(config: Config, options: AppOptions = {}): Promise<OpenAssure> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  // Decoded images are not reused between requests; caching them only grows memory.
  sharp.cache(false);

  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const store = await openStore(config, (error) => logger.warn({ err: error }, 'an idle database connection failed'));
  let rawBlobs: BlobStore | undefined;
  let closeCounter = async (): Promise<void> => {};
  try {
    const masterKey = loadMasterKey(config.blobs.masterKey, config.dataDir);
    const sealer = new Sealer(masterKey);
    const queueStats = { read: async (): Promise<QueueStat[]> => [] };
    const metrics = new Metrics(() => queueStats.read());
    rawBlobs = await openBlobStore(
      config.blobs.backend,
      masterKey,
      new DossierKeyring(store.repos.dossierKeys, sealer, () => clock.now()),
    );
    const blobs = countedBlobs(rawBlobs, metrics);
    const keys = new KeyRing(store, sealer, () => clock.now(), {
      tokenTtlSeconds: config.auth.tokenTtlSeconds,
      rotateAfterDays: config.auth.signingKeyDays,
    });
    await keys.init();
    const tokens = new TokenService(
      keys,
      {
        issuer: config.auth.issuer,
        audience: `${config.http.publicUrl}/assure`,
        ttlSeconds: config.auth.tokenTtlSeconds,
      },
      () => clock.now(),
    );
    const queue = createJobQueue(config, store, clock, logger);
    queueStats.read = () => queue.stats();
    countSettledJobs(queue, metrics, deliverNotification.name);
    const statusChanges = new StoreStatusChanges([new NotificationPlanner(queue), verificationMetrics(metrics)]);
    const deps: ServiceDeps = {
      store,
      blobs,
      clock,
      sealer,
      logger,
      queue,
      statusChanges,
      publicUrl: config.http.publicUrl,
      checkDestination: destinationCheck({ allowPrivate: config.outbound.allowPrivate }),
    };
    const clientDirectory = new ClientDirectory(store, () => clock.now());
    const clients = new ClientService(store, blobs, clock, logger, clientDirectory);
    if (config.auth.bootstrapClient) {
      await clients.ensureBootstrapClient(
        config.auth.bootstrapClient.clientId,
        config.auth.bootstrapClient.clientSecret,
      );
    }
    // The engines' threads start on first use: a process that neither verifies nor redacts never loads a model.
    const engines = timedEngines(createEnginePool({ threads: config.verification.engineThreads }), metrics);
    const trust = new CscaTrust(config.chip.cscaPath);
    logTrust(logger, await trust.reload());
    const themeFetch = createSafeFetch({ allowPrivate: config.outbound.allowPrivate, maxBodyBytes: 2 * 1024 * 1024 });
    // Discovery documents, JWKS, token and userinfo responses are small; 256 KB bounds a hostile issuer.
    const connectFetch = createSafeFetch({ allowPrivate: config.outbound.allowPrivate, maxBodyBytes: 256 * 1024 });
    const services = createServices(deps, {
      engines,
      sms: options.sms ?? new LoggingSmsSender(logger),
      themeFetch,
      capture: config.capture,
      connect: {
        http: connectFetch,
        allowPlainHttp: config.outbound.allowPrivate,
      },
      review: config.review,
      console: config.console,
      clients,
      consoleSso: config.consoleSso,
      chip: config.chip,
    });
    const jobs = jobDefinitions(config, deps, engines, trust, options.backends ?? {});
    await queue.init(jobs);
    const rateCounter = createRateCounter(config.operations.rateLimits, store);
    closeCounter = () => rateCounter.close();
    const limits = {
      clients: new ClientRateLimit(rateCounter, config.operations.rateLimits, logger),
      tokens: new TokenGuard(rateCounter, config.operations.rateLimits, logger, () => clock.now()),
    };
    const http = await buildHttpServer({
      logger,
      publicUrl: config.http.publicUrl,
      issuer: config.auth.issuer,
      trustProxy: config.http.trustProxy,
      store,
      clients,
      clientDirectory,
      tokens,
      keys,
      services,
      clock,
      captureAppDir: config.capture.appDir,
      console: { appDir: config.console.appDir, sessionHours: config.console.sessionHours },
      limits,
      metrics,
      serveMetrics: config.operations.metrics.enabled && config.operations.metrics.port === undefined,
      readiness: readinessChecks(store, blobs, queue),
    });
    const metricsServer =
      config.operations.metrics.enabled && config.operations.metrics.port !== undefined
        ? await buildMetricsServer(metrics, logger)
        : undefined;
    // Last, so that a failure above leaves no timer behind.
    keys.startRefresh((error) => logger.warn({ err: error }, 'could not refresh the signing keys'));
    return {
      config,
      logger,
      store,
      queue,
      clients,
      services,
      http,
      metrics,
      metricsServer,
      async listenMetrics() {
        const { host, port } = config.operations.metrics;
        if (metricsServer && port !== undefined) await metricsServer.listen({ host, port });
      },
      async startWorker() {
        await queue.startWorker(jobs, { concurrency: config.jobs.concurrency });
        await queue.schedule(expirePendingProcesses, 60);
        await queue.schedule(failStuckProcesses, 60);
        await queue.schedule(applyRetention, 3600);
      },
      async reloadTrust() {
        const loaded = await trust.reload();
        logTrust(logger, loaded);
        return loaded;
      },
      async close() {
        await http.close();
        await keys.stop();
        await metricsServer?.close();
        await queue.stop();
        await engines.close();
        await themeFetch.close();
        await connectFetch.close();
        await rawBlobs?.close();
        await rateCounter.close();
        await store.close();
      },
    };
  } catch (error) {
    await closeCounter();
    await rawBlobs?.close();
    await store.close();
    throw error;
  }
}

/** What /readyz asks: the database, the blob store (a small blob written and deleted) and the queue. */
function readinessChecks(store: Store, blobs: BlobStore, queue: JobQueue): ReadinessCheck[] {
  return [
    { name: 'database', probe: async () => void (await sql`select 1`.execute(store.db)) },
    {
      name: 'blob store',
      probe: async () => {
        const key = await blobs.put(Buffer.from('readiness probe'));
        await blobs.delete(key);
      },
    },
    { name: 'queue', probe: async () => void (await queue.stats()) },
  ];
}

/** Every kind of background job, with its handlers and what they need. */
function jobDefinitions(
  config: Config,
  deps: ServiceDeps,
  engines: Engines,
  trust: CscaTrust,
  backends: Partial<Record<ClientEnvironment, VerificationBackend>>,
): RunnableJob[] {
  const verification = verifyHandlers({
    ...deps,
    backends: {
      sandbox: backends.sandbox ?? new SandboxBackend(config.verification.sandboxDelayMs, deps.clock),
      live:
        backends.live ??
        new EngineBackend({
          ...deps,
          engines,
          minimumAge: config.verification.minimumAge,
          compromisedDocumentNumbers: loadCompromisedDocuments(config.verification.compromisedDocumentsFile),
          trustAnchors: () => trust.anchors(),
        }),
    },
    redaction: { engines, blobs: deps.blobs },
  });
  return [
    verifyProcess.handledBy(verification, {
      maxAttempts: config.jobs.verifyAttempts,
      backoffSeconds: config.jobs.verifyRetrySeconds,
      timeoutSeconds: config.jobs.verifyTimeoutSeconds,
    }),
    expirePendingProcesses.handledBy(
      expiryHandlers({ ...deps, pendingExpiryMinutes: config.verification.pendingExpiryMinutes }),
    ),
    failStuckProcesses.handledBy(
      stuckProcessesHandlers({ ...deps, processingTimeoutMinutes: config.verification.processingTimeoutMinutes }),
    ),
    deliverNotification.handledBy(deliverHandlers({ ...deps, allowPrivate: config.outbound.allowPrivate })),
    applyRetention.handledBy(retentionHandlers({ ...deps, defaultDays: config.retention.days })),
  ];
}

/** The operator's list of compromised document numbers (one per line, # comments), upper case. */
function loadCompromisedDocuments(file: string | undefined): ReadonlySet<string> {
  if (file === undefined) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim().toUpperCase())
      .filter(Boolean),
  );
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(config: Config, onIdleError?: (error: Error) => void): Promise<Store> {
  const store = new Store(openDatabase(config.store, onIdleError));
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** What the trust store holds, by count, and each file it refused (authority files: no personal data). */
function logTrust(logger: Logger, trust: LoadedTrust): void {
  for (const { file, reason } of trust.refused) logger.warn({ file, reason }, 'CSCA trust store: file refused');
  logger.info(
    {
      certificates: trust.certificates.length,
      revocationLists: trust.revocationLists.length,
      refused: trust.refused.length,
    },
    'CSCA trust store loaded',
  );
}
