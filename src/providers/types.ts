import type { TProperties } from 'typebox';
import type { TrustAnchors } from '../chip/trust-anchors.js';
import type { ChipUpload } from '../chip/upload.js';
import type { Depiction, Json, Outcome, ProcessRecord } from '../core/domain.js';
import type { ProcessStatus } from '../core/process-status.js';
import type { DocumentList } from '../document-types/index.js';
import type { Engines } from '../engines/pool/types.js';
import type { NodeValues } from '../matching/types.js';
import type { MappingContext } from './outcome.js';
import type { ExtractedFields, ReviewDecision } from '../review/decision.js';

/** What a create-process request carries, after schema validation. */
export interface CreateProcessInput {
  provider: string;
  processType?: string;
  documentType?: string;
  documentCountry?: string;
  documentId?: number;
  redact?: string[];
  redactionLevel?: string;
  processParameters?: Record<string, unknown>;
}

/** What start verification receives, to check that the process is ready. */
export interface StartContext {
  process: ProcessRecord;
  images: ReadonlySet<Depiction>;
  body: { facetecEnrollment?: Record<string, unknown>; imageDepiction?: string };
  /** Whether chip files were uploaded (providers with `chipUpload`). */
  chipUploaded: boolean;
}

/**
 * A provider, as data. Adding a provider means one folder with one of these, plus one line in the
 * registry. Fields describe the upstream behaviour; the services read them and never switch on names
 * (a test keeps provider names out of the code outside src/providers/).
 */
export interface ProviderDefinition {
  /** The provider value stored and returned (`connect` stands for every `connect:<method>`). */
  name: string;
  /** Human-readable name used in error messages. */
  title: string;
  /** Other values requests may name it by (upstream's examples write `paper`). */
  aliases?: readonly string[];
  /**
   * For a provider that fronts a family of methods: the values it takes (`connect:<method>`) and how
   * they are written in messages and docs. Its bare name is then not a value a request can use.
   */
  methodValues?: { pattern: RegExp; written: string };
  processTypes: readonly string[];
  /** The process type used when none is given; undefined when the provider has no process types. */
  defaultProcessType: string | undefined;
  /** Whether `documentType` applies, and whether it must be given. */
  documentType: 'notApplicable' | 'optional' | 'required';
  documentCountry: 'notApplicable' | 'required';
  /** Whether `documentId` (an id from Get document types) applies. */
  documentId: 'notApplicable' | 'optional';
  /**
   * The documents it accepts: what Get document types lists and Create process checks documentType,
   * documentCountry and documentId against. Absent when it identifies people without a document.
   */
  documents?: DocumentList;
  redaction: boolean;
  /** Depictions that can be uploaded through Set images (empty: the provider's SDK captures them). */
  uploadDepictions: readonly Depiction[];
  /** Depictions the provider can produce, served by Get image. */
  readableDepictions: readonly Depiction[];
  /** Process types whose identification is recorded on video (served by Get video); absent: none. */
  videoProcessTypes?: 'all' | readonly string[];
  /** Whether Get raw result serves the raw result as the provider returned it (otherwise: 400). */
  rawResultEndpoint?: boolean;
  /** Whether the download's `includeTimestamps` adds the status history as `timestamps.json`. */
  downloadTimestamps?: boolean;
  /**
   * Statuses in which the vendor is still working on a process, so that neither it nor its dossier can
   * be deleted (409).
   */
  undeletableWhile?: readonly ProcessStatus[];
  /** How the hosted capture flow (Start capture flow) serves this provider; absent: it does not. */
  capture?: CaptureRule;
  /** When a pending process is given up, and the failReason it then gets. */
  expiry: ExpiryRule;
  /**
   * The shape of the failReasons this server writes for the provider (see processing-failures.ts):
   * a bare `detail`, OAuth-style `error`/`errorDescription`, or `type`/`message` with the type in
   * snake_case or PascalCase (the default), as the provider's own failReasons are written.
   */
  failReasonStyle?: FailReasonStyle;
  /**
   * The provider's own id for the process (Onfido applicantId, VideoID videoId, Paper requestId...),
   * assigned at creation; absent when the provider has none (FaceTec).
   */
  externalIdAtCreation?: (processId: string) => string;
  /** `api`: started by Start verification; `provider`: the end-user's app or call finishes it. */
  verificationStart: 'api' | 'provider';
  /**
   * Whether live clients may upload what an app read from the document's chip (`POST .../chip`, an
   * OpenAssure extension) and then start the verification through the API, even when the provider's
   * own app finishes its processes otherwise.
   */
  chipUpload?: boolean;
  /** Checks provider-specific create rules; returns problems to report as 400s. */
  validateCreate(input: CreateProcessInput, processType: string | undefined): string[];
  /** Returns why verification cannot start yet, or undefined when it can. */
  startProblem(context: StartContext): string | undefined;
  /** The meaning of a raw result. Pure and total: any input, even malformed, gives an outcome. */
  mapResult(raw: unknown, context: MappingContext): Outcome;
  /** Sandbox scenarios; the first one is the default, the provider's plain accepted result. */
  scenarios: readonly Scenario[];
  /** Extra create-process response fields, with realistic values unique to the process. */
  createResponse?(context: CreateResponseContext): Record<string, string | number>;
  /** The wire schemas of the fields `createResponse` adds, for the response schema and the OpenAPI document. */
  createResponseFields?: TProperties;
  /** The wire schemas of its own `processParameters` of Create process (e.g. `webid`). */
  processParameterFields?: TProperties;
  /** The wire schemas of its own fields of the Start verification body (e.g. `facetecEnrollment`). */
  startFields?: TProperties;
  /** Fields Get process shows for this provider's processes only. */
  processFields?(process: ProcessRecord): ProviderProcessFields;
  /**
   * How a match reads the data nodes (other than finalResult) its processes have, from their stored
   * providerSpecific; undefined when a process has none. A node it does not list is never there.
   */
  matchingNodes?: Partial<Record<ProcessDataNode, (providerSpecific: Json) => NodeValues | undefined>>;
  /** Raw-result files for the download zip; by default the raw result as `result.json`. */
  rawResultFiles?(raw: unknown): RawResultFile[];
  /**
   * Builds the provider's raw result from the built-in engines, for live clients. Absent when the
   * engines cannot produce this provider's result (its live processes then fail, saying so).
   */
  engineBackend?(context: EngineContext): Promise<EngineResult>;
  /** The process types the engine backend serves (all when absent); the others fail as without one. */
  engineProcessTypes?: readonly string[];
  /**
   * How a person decides this provider's live results where upstream's agent would (see docs/review.md);
   * absent: only a client's reviewInconclusive setting sends its processes to review.
   */
  review?: ReviewRule;
  /** Where upstream's own examples contradict its stated rules, and which rule this provider follows. */
  upstreamErrata?: readonly UpstreamErratum[];
  /**
   * For live clients: the end-user logs in at an OpenID Provider the client registered (see
   * src/connect), and the login's result becomes this provider's raw result.
   */
  liveLogin?: LiveLogin;
}

/** What an OpenID Connect login ended with: checked tokens, or the issuer's (or the checks') error. */
export type LoginResult =
  | { kind: 'tokens'; idToken: string; userInfo: Record<string, unknown> | string }
  | { kind: 'error'; error: string; description?: string; endUserCanceled: boolean };

export interface LiveLogin {
  /** The method a provider value names (what follows the provider's prefix), or undefined. */
  methodOf(providerValue: string): string | undefined;
  /** The provider value of a method, as processes carry it. */
  valueOf(method: string): string;
  /** The provider's raw result for a login's result, for the provider's own mapResult. */
  rawOf(result: LoginResult): unknown;
}

/**
 * When a pending process is given up, and the failReason it gets (in the provider's own failReason
 * style). PictureID documents its own rule: 15 minutes after the first image.
 */
/**
 * The provider in the hosted capture flow. Each `sdk` value of Start capture flow that the provider
 * takes leads either to this server's capture steps (`app`: document choice, photos, selfie) or to the
 * provider's own app (`provider`: its SDK or video call, which the sandbox stands in for with a page
 * that picks the outcome).
 */
export interface CaptureRule {
  sdks: Partial<Record<'native' | 'capture', 'app' | 'provider'>>;
  /** Process types the capture steps can serve (all when absent); others need the provider's own app. */
  appProcessTypes?: readonly string[];
  /** How the end-user's document choice is kept: type and country, the catalogue id, or not at all. */
  document: 'typeAndCountry' | 'catalogueId' | 'none';
  /** Whether a process of this type takes a selfie: always, when the configuration asks, or never. */
  selfie(processType: string | null): 'required' | 'optional' | 'never';
  /** PictureID takes its settings from its own block of the capture configuration, and only from it. */
  ownConfigurationBlock?: boolean;
  /**
   * For live clients of a provider whose own app records a video identification (and whose result a
   * person decides): these process types go through this server's capture steps instead, with a
   * selfie video in which the end-user follows a random prompt (docs/capture.md). Sandbox clients keep
   * the provider page.
   */
  live?: LiveCaptureRule;
}

export interface LiveCaptureRule {
  /** The document's front and back (when it has one), then the selfie video (with its still frame). */
  steps: 'appWithSelfieVideo';
  processTypes: readonly string[];
  /** The documents offered, for a provider whose definition lists none of its own. */
  documents?: DocumentList;
}

/**
 * A provider whose upstream has a human agent decide some results. Live processes whose engine-built raw
 * result `awaitsReviewer` stay processing in the review queue; the reviewer's decision becomes the raw
 * result upstream's agent would have sent (`decided`), which the provider's own mapResult then maps.
 */
export interface ReviewRule {
  /** Whether this raw result (built by the engines, for this process type) waits for a reviewer. */
  awaitsReviewer(raw: unknown, processType: string | null): boolean;
  /** The fields a reviewer sees and may correct, read from the raw result. */
  extracted(raw: unknown): ExtractedFields;
  /** The raw result with the reviewer's decision in the provider's own shape. */
  decided(raw: unknown, decision: ReviewDecision): unknown;
}

export type FailReasonStyle = 'detail' | 'oauth' | 'snake' | 'pascal';

export interface ExpiryRule {
  /** Minutes after the first image; when absent, the configured pending time after creation. */
  afterFirstImageMinutes?: number;
  failReason: Json;
}

/** Get process fields only some providers show. */
export interface ProviderProcessFields {
  /** Signicat Paper: whether redaction was asked for at creation. */
  redactionRequested?: boolean;
}

/** Matching data nodes that come from a provider's result rather than from every process. */
export type ProcessDataNode = 'ocr' | 'userInfo';

/**
 * A documented exception: an upstream Get process example that contradicts upstream's own stated rules.
 * The rule wins; the named field of that example is left out of the field-for-field comparisons.
 */
export interface UpstreamErratum {
  /** The example, as the spec extractor names it (e.g. `get-process-results-by-provider.txt:1282`). */
  source: string;
  field: 'status' | 'providerSpecific' | 'finalResult' | 'statusReasons' | 'failReason';
  /** What contradicts what, and which way we went. */
  reason: string;
}

/** Media a sandbox scenario comes with, served by the image, video and download endpoints. */
export interface ScenarioMedia {
  /** Depictions of synthetic images the sandbox attaches when the scenario completes. */
  depictions: readonly Depiction[];
  /** Whether the provider recorded a video (served by Get video). */
  video?: boolean;
}

/**
 * A named sandbox outcome. `raw` is the provider's raw result: the sandbox feeds it to the provider's
 * real `mapResult`, exactly as a live backend would feed the vendor's answer.
 */
export interface Scenario {
  /** Unique across providers, e.g. `onfido-accepted`. */
  id: string;
  description: string;
  /** Process types the scenario applies to; every type of the provider when absent. */
  processTypes?: readonly string[];
  raw: unknown;
  media?: ScenarioMedia;
}

/** What a create-process response adds for a provider (SDK tokens, URLs, QR codes...). */
export interface CreateResponseContext {
  process: ProcessRecord;
  /** The server's public URL, for links that point back to it. */
  publicUrl: string;
}

/** A file of the raw result in the download zip, under the provider's own file name. */
export interface RawResultFile {
  name: string;
  content: unknown;
}

/** Helper for definitions without provider-specific create rules. */
export const noCreateRules = (): string[] => [];

/** Start problem for providers that need some images before verification. */
export function missingImages(context: StartContext, required: readonly Depiction[]): string | undefined {
  const missing = required.filter((depiction) => !context.images.has(depiction));
  if (missing.length === 0) return undefined;
  return `Upload the ${missing.join(' and ')} image${missing.length > 1 ? 's' : ''} before starting the verification.`;
}

/** What an engine backend gets: the process, its images, what Start verification carried, the engines. */
export interface EngineContext {
  process: ProcessRecord;
  images: Partial<Record<Depiction, Buffer>>;
  /** The Start verification body (e.g. a FaceTec enrollment), when there was one. */
  startInput: Record<string, unknown> | undefined;
  engines: Engines;
  /** Epoch ms of the verification. */
  now: number;
  /** YYYY-MM-DD. */
  today: string;
  minimumAge: number;
  /** Document numbers known to be lost, stolen or otherwise compromised. */
  compromisedDocumentNumbers: ReadonlySet<string>;
  /** The uploaded chip files and the CSCAs trusted now (providers with `chipUpload`, when there was an upload). */
  chip?: { upload: ChipUpload; trust: TrustAnchors };
  /** Records a fingerprint (e.g. of a face scan); true when it was seen before (a replay). */
  seenBefore(kind: string, fingerprint: string): Promise<boolean>;
}

/** The provider-shaped raw result an engine backend built, with what the engines measured. */
export interface EngineResult {
  raw: unknown;
  engineOutput: unknown;
  /** Images the backend found (a chip portrait), kept with the process where the client uploaded none. */
  images?: { depiction: Depiction; bytes: Buffer; contentType: 'image/jpeg' | 'image/png' }[];
}
