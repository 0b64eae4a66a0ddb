import type { Kysely } from 'kysely';
import type { DatabaseHandle, Dialect } from './database.js';
import { AuditLogRepository } from './repositories/audit-log.js';
import { ClientSettingsRepository } from './repositories/client-settings.js';
import { ConsoleSearchRepository } from './repositories/console-search.js';
import { OperatorRepository } from './repositories/operators.js';
import { OperatorSessionRepository } from './repositories/operator-sessions.js';
import { SignInFailureRepository } from './repositories/sign-in-failures.js';
import { ClientRepository } from './repositories/clients.js';
import { DossierRepository } from './repositories/dossiers.js';
import { DossierKeyRepository } from './repositories/dossier-keys.js';
import { ImageRepository } from './repositories/images.js';
import { CaptureConfigurationRepository } from './repositories/capture-configurations.js';
import { CaptureFlowRepository } from './repositories/capture-flows.js';
import { CaptureLinkRepository } from './repositories/capture-links.js';
import { ConnectAuthorizationRepository } from './repositories/connect-authorizations.js';
import { ConnectClientKeyRepository } from './repositories/connect-client-keys.js';
import { ConnectMethodRepository } from './repositories/connect-methods.js';
import { ChipRepository } from './repositories/chip.js';
import { IdempotencyRecordRepository } from './repositories/idempotency-records.js';
import { RateLimitCounterRepository } from './repositories/rate-limit-counters.js';
import { MatchingConfigurationRepository } from './repositories/matching-configurations.js';
import { DeliveryRepository } from './repositories/deliveries.js';
import { ProcessEventRepository } from './repositories/process-events.js';
import { ProcessListRepository } from './repositories/process-list.js';
import { ProcessRepository } from './repositories/processes.js';
import { ReviewRepository } from './repositories/reviews.js';
import { SeenFingerprintRepository } from './repositories/seen-fingerprints.js';
import { SigningKeyRepository } from './repositories/signing-keys.js';
import { UserDataRepository } from './repositories/user-data.js';
import { WebhookEndpointRepository } from './repositories/webhook-endpoints.js';
import type { Database } from './schema.js';

export interface Repositories {
  /** The connection or transaction these repositories run on (for adapters that join it, like the queue). */
  db: Kysely<Database>;
  clients: ClientRepository;
  signingKeys: SigningKeyRepository;
  dossiers: DossierRepository;
  dossierKeys: DossierKeyRepository;
  userData: UserDataRepository;
  images: ImageRepository;
  processes: ProcessRepository;
  processList: ProcessListRepository;
  processEvents: ProcessEventRepository;
  webhookEndpoints: WebhookEndpointRepository;
  deliveries: DeliveryRepository;
  seenFingerprints: SeenFingerprintRepository;
  matchingConfigurations: MatchingConfigurationRepository;
  captureConfigurations: CaptureConfigurationRepository;
  captureFlows: CaptureFlowRepository;
  captureLinks: CaptureLinkRepository;
  connectMethods: ConnectMethodRepository;
  connectClientKeys: ConnectClientKeyRepository;
  connectAuthorizations: ConnectAuthorizationRepository;
  reviews: ReviewRepository;
  operators: OperatorRepository;
  operatorSessions: OperatorSessionRepository;
  signInFailures: SignInFailureRepository;
  auditLog: AuditLogRepository;
  clientSettings: ClientSettingsRepository;
  consoleSearch: ConsoleSearchRepository;
  chip: ChipRepository;
  idempotency: IdempotencyRecordRepository;
  rateLimits: RateLimitCounterRepository;
}

function repositoriesOn(db: Kysely<Database>): Repositories {
  return {
    db,
    clients: new ClientRepository(db),
    signingKeys: new SigningKeyRepository(db),
    dossiers: new DossierRepository(db),
    dossierKeys: new DossierKeyRepository(db),
    userData: new UserDataRepository(db),
    images: new ImageRepository(db),
    processes: new ProcessRepository(db),
    processList: new ProcessListRepository(db),
    processEvents: new ProcessEventRepository(db),
    webhookEndpoints: new WebhookEndpointRepository(db),
    deliveries: new DeliveryRepository(db),
    seenFingerprints: new SeenFingerprintRepository(db),
    matchingConfigurations: new MatchingConfigurationRepository(db),
    captureConfigurations: new CaptureConfigurationRepository(db),
    captureFlows: new CaptureFlowRepository(db),
    captureLinks: new CaptureLinkRepository(db),
    connectMethods: new ConnectMethodRepository(db),
    connectClientKeys: new ConnectClientKeyRepository(db),
    connectAuthorizations: new ConnectAuthorizationRepository(db),
    reviews: new ReviewRepository(db),
    operators: new OperatorRepository(db),
    operatorSessions: new OperatorSessionRepository(db),
    signInFailures: new SignInFailureRepository(db),
    auditLog: new AuditLogRepository(db),
    clientSettings: new ClientSettingsRepository(db),
    consoleSearch: new ConsoleSearchRepository(db),
    chip: new ChipRepository(db),
    idempotency: new IdempotencyRecordRepository(db),
    rateLimits: new RateLimitCounterRepository(db),
  };
}

/**
 * The one entry to persistence: repositories on the shared connection, or on a transaction.
 *
 * @example
 *   await store.transaction(async (tx) => { await tx.dossiers.insert(d); await tx.userData.insert(u); });
 */
export class Store {
  readonly repos: Repositories;

  constructor(private readonly handle: DatabaseHandle) {
    this.repos = repositoriesOn(handle.db);
  }

  get dialect(): Dialect {
    return this.handle.dialect;
  }

  get db(): Kysely<Database> {
    return this.handle.db;
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.handle.db.transaction().execute((trx) => work(repositoriesOn(trx)));
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
