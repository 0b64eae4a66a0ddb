import type { ClientEnvironment, MediaDepiction, OperatorRole } from '../core/domain.js';
import type { ProcessStatus } from '../core/process-status.js';

/**
 * The database tables, shared by SQLite and PostgreSQL. Timestamps are epoch milliseconds
 * (BIGINT) so ordering and range filters use plain integer indexes on both engines; JSON is text.
 */
export interface Database {
  clients: ClientsTable;
  signing_keys: SigningKeysTable;
  dossiers: DossiersTable;
  user_data: UserDataTable;
  processes: ProcessesTable;
  images: ImagesTable;
  process_events: ProcessEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  notification_deliveries: NotificationDeliveriesTable;
  notification_attempts: NotificationAttemptsTable;
  seen_fingerprints: SeenFingerprintsTable;
  process_counts: ProcessCountsTable;
  matching_configurations: MatchingConfigurationsTable;
  capture_configurations: CaptureConfigurationsTable;
  capture_flows: CaptureFlowsTable;
  capture_links: CaptureLinksTable;
  capture_sessions: CaptureSessionsTable;
  connect_methods: ConnectMethodsTable;
  connect_client_keys: ConnectClientKeysTable;
  connect_authorizations: ConnectAuthorizationsTable;
  operators: OperatorsTable;
  operator_sessions: OperatorSessionsTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  client_settings: ClientSettingsTable;
  reviews: ReviewsTable;
  review_decisions: ReviewDecisionsTable;
  chip_challenges: ChipChallengesTable;
  idempotency_records: IdempotencyRecordsTable;
  rate_limit_counters: RateLimitCountersTable;
  dossier_keys: DossierKeysTable;
}

export interface ClientsTable {
  id: string;
  name: string;
  /** scrypt hash of the client secret, never the secret itself. */
  secret_hash: string;
  environment: ClientEnvironment;
  created_at: number;
  updated_at: number;
  /** Days after a dossier's last final status until retention deletes it; null follows the server's setting. */
  retention_days: number | null;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  /** The private JWK, sealed with the master key. */
  private_jwk_sealed: string;
  public_jwk: string;
  created_at: number;
  retired_at: number | null;
}

/** A dossier's data key, sealed by the master key; deleting it shreds the dossier's blobs. */
export interface DossierKeysTable {
  /** 16 random bytes, hex: what a version 3 blob header names. */
  id: string;
  dossier_id: string;
  key_sealed: string;
  created_at: number;
}

export interface DossiersTable {
  id: string;
  client_id: string;
  external_reference: string | null;
  created_at: number;
  updated_at: number;
}

export interface UserDataTable {
  dossier_id: string;
  data: string;
  created_at: number;
  updated_at: number;
}

export interface ProcessesTable {
  id: string;
  dossier_id: string;
  client_id: string;
  provider: string;
  process_type: string | null;
  status: ProcessStatus;
  document_type: string | null;
  document_country: string | null;
  document_id: number | null;
  /** Provider options given at creation (redact, redactionLevel, processParameters, eventTags) as JSON. */
  options: string;
  notification_url: string | null;
  /** The legacy authorizationHeader, sealed with the master key: it is the customer's credential. */
  notification_auth_sealed: string | null;
  external_id: string | null;
  fail_reason: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  /** The sandbox scenario chosen for the process (sandbox clients only). */
  sandbox_scenario: string | null;
  /** The mapped result (providerSpecific, finalResult, statusReasons) as JSON, once final. */
  outcome: string | null;
  /** Blob holding the provider's raw result, as received. */
  raw_result_key: string | null;
  /** Blob holding what Start verification received (e.g. a FaceTec enrollment). */
  start_input_key: string | null;
  /** When the first image arrived: PictureID transactions expire 15 minutes after it. */
  first_image_at: number | null;
  /** When the end-user's part was done (the sandbox complete call); it can be done only once. */
  end_user_done_at: number | null;
  /** Blob holding what the built-in engines measured (live verifications). */
  engine_output_key: string | null;
  /** Blob holding the chip files an app uploaded (ReadID live). */
  chip_files_key: string | null;
}

/** Active Authentication challenges, single use, per process. */
export interface ChipChallengesTable {
  /** 8 random bytes, hex. */
  challenge: string;
  process_id: string;
  client_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Fingerprints already seen (e.g. FaceTec face scans), to recognise a replay. */
export interface SeenFingerprintsTable {
  kind: string;
  fingerprint: string;
  client_id: string;
  created_at: number;
}

export interface ProcessEventsTable {
  id: string;
  process_id: string;
  dossier_id: string;
  client_id: string;
  status: ProcessStatus;
  created_at: number;
}

export type WebhookEndpointStatus = 'active' | 'disabled';

export interface WebhookEndpointsTable {
  id: string;
  client_id: string;
  url: string;
  /** JSON array of event names. */
  events: string;
  secret_sealed: string;
  status: WebhookEndpointStatus;
  disabled_reason: string | null;
  created_at: number;
  updated_at: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface NotificationDeliveriesTable {
  id: string;
  client_id: string;
  /** The subscribed endpoint, or null for a process's legacy notificationUrl. */
  endpoint_id: string | null;
  process_id: string | null;
  event: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface NotificationAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  started_at: number;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  outcome: 'delivered' | 'failed' | 'gone';
}

export type ImageOwnerKind = 'dossier' | 'process';

/** Images of dossiers (files) and of processes; the bytes live in the blob store under `blob_key`. */
export interface ImagesTable {
  owner_kind: ImageOwnerKind;
  owner_id: string;
  client_id: string;
  depiction: MediaDepiction;
  blob_key: string;
  content_type: string;
  size: number;
  created_at: number;
}

/**
 * Process counts per client, hour of creation and status, kept in step with `processes` in the same
 * transaction. They let the process list count and seek deep offsets without scanning millions of rows.
 */
export interface ProcessCountsTable {
  client_id: string;
  bucket: number;
  status: ProcessStatus;
  count: number;
}

/** A client's named matching configuration; `fields` is the JSON array of its field configurations. */
export interface MatchingConfigurationsTable {
  client_id: string;
  id: string;
  fields: string;
  created_at: number;
  updated_at: number;
}

/** A client's named capture configuration (a `uiProfile`); `configuration` is its normal form as JSON. */
export interface CaptureConfigurationsTable {
  client_id: string;
  id: string;
  configuration: string;
  created_at: number;
  updated_at: number;
}

/** The capture flow of a process (Start capture flow): JSON settings, attempts and handover state. */
export interface CaptureFlowsTable {
  process_id: string;
  client_id: string;
  dossier_id: string;
  kind: 'app' | 'provider';
  settings: string;
  redirect_url: string;
  request_domain: string | null;
  attempts: string;
  handover: string;
  ended_as: 'processing' | 'canceled' | null;
  /** JSON of a SelfieVideoState, for flows with a selfie video step; null otherwise or before it. */
  selfie_video: string | null;
  created_at: number;
  updated_at: number;
}

/** A single-use capture link, by the SHA-256 of its token. */
export interface CaptureLinksTable {
  token_hash: string;
  process_id: string;
  device: 'primary' | 'handover';
  created_at: number;
  expires_at: number;
  used_at: number | null;
  session_hash: string | null;
}

/** A capture session (the end-user's cookie), by the SHA-256 of its token. */
export interface CaptureSessionsTable {
  token_hash: string;
  process_id: string;
  device: 'primary' | 'handover';
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export type OperatorSessionStage = 'totp' | 'enroll' | 'ready';

/** An operator of the console. */
export interface OperatorsTable {
  email: string;
  /** argon2id (PHC string), never the password. */
  password_hash: string;
  role: OperatorRole;
  /** JSON array of the client ids the operator may see; null: every client. */
  clients: string | null;
  /** The TOTP secret (base32), sealed with the master key; null until enrolled. */
  totp_secret_sealed: string | null;
  /** The last TOTP time step accepted, so that a code cannot be used twice. */
  totp_last_step: number | null;
  created_at: number;
  updated_at: number;
}

/** A console session, by the SHA-256 of its cookie's token. */
export interface OperatorSessionsTable {
  id_hash: string;
  email: string;
  stage: OperatorSessionStage;
  csrf_token: string;
  /** A TOTP secret being enrolled (sealed), until its first code confirms it. */
  pending_totp_sealed: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/** One failed sign-in; `key` is `email:<address>` or `ip:<address>`, or `lock:<email>` for a lockout. */
export interface SignInFailuresTable {
  key: string;
  at: number;
}

/** What an operator did; append-only (database triggers refuse UPDATE and DELETE). */
export interface AuditLogTable {
  id: string;
  at: number;
  operator: string;
  action: string;
  target: string;
  /** JSON, or null. */
  before: string | null;
  after: string | null;
}

/** A client's console settings: which providers' inconclusive results go to manual review, four-eyes. */
export interface ClientSettingsTable {
  client_id: string;
  /** JSON array of provider names. */
  review_inconclusive: string;
  /** 1 when an acceptance needs two reviewers (an integer: SQLite has no boolean). */
  four_eyes: number;
}

/** A process waiting for (or done with) manual review. */
export interface ReviewsTable {
  process_id: string;
  client_id: string;
  provider: string;
  queued_at: number;
  claimed_by: string | null;
  claim_expires_at: number | null;
  state: 'queued' | 'decided';
  decided_at: number | null;
}

/** A reviewer's decision on a process (two for an acceptance under four-eyes). */
export interface ReviewDecisionsTable {
  id: string;
  process_id: string;
  client_id: string;
  operator: string;
  decision: 'accept' | 'reject';
  reason: string;
  comment: string | null;
  /** JSON object of corrected fields, or null. */
  corrections: string | null;
  at: number;
}

/** A client's eID method for live Connect; `settings` is JSON without the secret, which is sealed apart. */
export interface ConnectMethodsTable {
  client_id: string;
  method: string;
  settings: string;
  client_secret_sealed: string | null;
  created_at: number;
  updated_at: number;
}

/** A client's own key pair for its issuers: private JWKs sealed, the public JWKS as published. */
export interface ConnectClientKeysTable {
  client_id: string;
  key_set_id: string;
  private_keys_sealed: string;
  public_jwks: string;
  created_at: number;
}

/** A login sent to an issuer, by the SHA-256 of its state; used once, by the callback. */
export interface ConnectAuthorizationsTable {
  state_hash: string;
  process_id: string;
  client_id: string;
  method: string;
  secrets_sealed: string;
  browser_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Width of a process-count bucket. */
export const countBucketMs = 3_600_000;

export const bucketOf = (createdAtMs: number): number => Math.floor(createdAtMs / countBucketMs);

export interface IdempotencyRecordsTable {
  client_id: string;
  key: string;
  /** SHA-256 of the method, path and body of the first request with this key. */
  fingerprint: string;
  /** `running` until the first request has its answer, then `done`. */
  state: 'running' | 'done';
  status_code: number | null;
  content_type: string | null;
  body: string | null;
  /** A `running` row whose node died is taken over after this. */
  locked_until: number;
  created_at: number;
  expires_at: number;
}

export interface RateLimitCountersTable {
  bucket: string;
  window_start: number;
  count: number;
  expires_at: number;
}
