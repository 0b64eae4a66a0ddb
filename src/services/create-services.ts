import type { Engines } from '../engines/pool/types.js';
import { RelyingParty } from '../connect/relying-party.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import type { SmsSender } from '../notifications/sms.js';
import { CaptureFlowService } from './capture-flows.js';
import { CaptureHandoverService } from './capture-handover.js';
import { CaptureSessionService } from './capture-sessions.js';
import { CaptureStepService } from './capture-steps.js';
import { CaptureVideoService } from './capture-video.js';
import { CaptureThemeService } from './capture-theme.js';
import { CaptureConfigurationService } from './capture-configurations.js';
import { ConnectClientKeys } from './connect-client-keys.js';
import { ConnectLoginService } from './connect-logins.js';
import { ConnectMethodService } from './connect-methods.js';
import { ChipService } from './chip.js';
import type { ServiceDeps } from './context.js';
import { OperatorService } from './console/operators.js';
import { ConsoleReadService } from './console/reads.js';
import { ConsoleAdminService } from './console/admin.js';
import type { ClientService } from './clients.js';
import { ConsoleSessionService, type ConsoleSessionSettings } from './console/sessions.js';
import { ConsoleSsoService } from './console/sso.js';
import type { ConsoleSsoConfig } from '../config/console-sso.js';
import { DocumentTypeService } from './document-types.js';
import { DossierFileService } from './dossier-files.js';
import { DossierService } from './dossiers.js';
import { MatchingService } from './matching.js';
import { ProcessImageService } from './process-images.js';
import { ProcessListService } from './process-list.js';
import { ProcessService } from './processes.js';
import { RedactionService } from './redaction.js';
import { ResultService } from './results.js';
import { ReviewService } from './reviews.js';
import { SandboxService } from './sandbox.js';
import { UserDataService } from './user-data.js';
import { VerificationService } from './verification.js';
import { WatermarkService } from './watermark.js';
import { WebhookService } from './webhooks.js';

/** The use cases the Assure routes call. */
export interface Services {
  dossiers: DossierService;
  userData: UserDataService;
  files: DossierFileService;
  processes: ProcessService;
  processImages: ProcessImageService;
  verification: VerificationService;
  processList: ProcessListService;
  results: ResultService;
  sandbox: SandboxService;
  webhooks: WebhookService;
  matching: MatchingService;
  watermark: WatermarkService;
  documentTypes: DocumentTypeService;
  redaction: RedactionService;
  captureConfigurations: CaptureConfigurationService;
  captureFlows: CaptureFlowService;
  captureSessions: CaptureSessionService;
  captureSteps: CaptureStepService;
  captureHandover: CaptureHandoverService;
  captureVideo: CaptureVideoService;
  captureTheme: CaptureThemeService;
  connectMethods: ConnectMethodService;
  connectLogins: ConnectLoginService;
  connectClientKeys: ConnectClientKeys;
  reviews: ReviewService;
  operators: OperatorService;
  consoleSessions: ConsoleSessionService;
  consoleReads: ConsoleReadService;
  consoleAdmin: ConsoleAdminService;
  /** Operators' single sign-on; undefined when it is not set up. */
  consoleSso: ConsoleSsoService | undefined;
  chip: ChipService;
}

/** What the services use besides their common dependencies. */
export interface ServiceExtras {
  engines: Engines;
  /** Sends the capture flow's handover text messages (see notifications/sms.ts). */
  sms: SmsSender;
  /** Fetches capture theme assets (fonts, favicons) from the configured URLs. */
  themeFetch: SafeFetch;
  capture: { linkMinutes: number; sessionMinutes: number; videoMaxBytes: number };
  /** Live Connect: calls the issuers (discovery, JWKS, token, userinfo); plain http issuers only when private addresses are allowed. */
  connect: { http: SafeFetch; allowPlainHttp: boolean };
  review: { claimMinutes: number };
  console: ConsoleSessionSettings;
  consoleSso: ConsoleSsoConfig | undefined;
  /** API clients (the console's admins manage them). */
  clients: ClientService;
  /** How long an Active Authentication challenge can be answered. */
  chip: { challengeMinutes: number };
}

/**
 * Every service, wired to each other and to their dependencies.
 *
 * @example const services = createServices(deps, { engines, sms, themeFetch, capture, connect, chip, ... }); await services.dossiers.list(caller);
 */
export function createServices(deps: ServiceDeps, extras: ServiceExtras): Services {
  const { engines } = extras;
  const verification = new VerificationService(deps);
  const processImages = new ProcessImageService(deps);
  const processes = new ProcessService(deps);
  const sandbox = new SandboxService(deps, verification);
  const captureSteps = new CaptureStepService(deps, engines, verification, sandbox);
  const captureDeps = { ...deps, ...extras.capture };
  const captureSessions = new CaptureSessionService(captureDeps);
  const relyingParty = new RelyingParty(extras.connect.http, deps.clock);
  const connectClientKeys = new ConnectClientKeys(deps);
  const connectMethods = new ConnectMethodService(
    { ...deps, allowPlainHttp: extras.connect.allowPlainHttp },
    relyingParty,
    connectClientKeys,
  );
  return {
    dossiers: new DossierService(deps),
    userData: new UserDataService(deps),
    files: new DossierFileService(deps),
    processes,
    processImages,
    verification,
    processList: new ProcessListService(deps),
    results: new ResultService(deps),
    sandbox,
    webhooks: new WebhookService(deps),
    matching: new MatchingService(deps),
    watermark: new WatermarkService(processImages),
    documentTypes: new DocumentTypeService(),
    redaction: new RedactionService(deps, engines),
    captureConfigurations: new CaptureConfigurationService(deps),
    captureFlows: new CaptureFlowService(captureDeps, processes),
    captureSessions,
    captureSteps,
    captureHandover: new CaptureHandoverService(captureDeps, captureSteps, extras.sms),
    captureVideo: new CaptureVideoService(captureDeps, captureSteps),
    captureTheme: new CaptureThemeService(extras.themeFetch, deps.logger),
    connectMethods,
    connectLogins: new ConnectLoginService(deps, relyingParty, connectMethods, connectClientKeys, captureSessions),
    connectClientKeys,
    reviews: new ReviewService(deps, {
      claimMinutes: extras.review.claimMinutes,
      redaction: { engines, blobs: deps.blobs },
    }),
    operators: new OperatorService(deps.store, deps.clock),
    consoleSessions: new ConsoleSessionService(deps, extras.console),
    consoleReads: new ConsoleReadService(deps),
    consoleAdmin: new ConsoleAdminService(deps, extras.clients),
    consoleSso: extras.consoleSso && new ConsoleSsoService(deps, extras.consoleSso, extras.console, relyingParty),
    chip: new ChipService(deps, extras.chip),
  };
}
