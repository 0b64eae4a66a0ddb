import type { Engines } from '../engines/pool/types.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import type { SmsSender } from '../notifications/sms.js';
import { CaptureFlowService } from './capture-flows.js';
import { CaptureHandoverService } from './capture-handover.js';
import { CaptureSessionService } from './capture-sessions.js';
import { CaptureStepService } from './capture-steps.js';
import { CaptureThemeService } from './capture-theme.js';
import { CaptureConfigurationService } from './capture-configurations.js';
import { ChipService } from './chip.js';
import type { ServiceDeps } from './context.js';
import { DocumentTypeService } from './document-types.js';
import { DossierFileService } from './dossier-files.js';
import { DossierService } from './dossiers.js';
import { MatchingService } from './matching.js';
import { ProcessImageService } from './process-images.js';
import { ProcessListService } from './process-list.js';
import { ProcessService } from './processes.js';
import { RedactionService } from './redaction.js';
import { ResultService } from './results.js';
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
  captureTheme: CaptureThemeService;
  chip: ChipService;
}

/** What the services use besides their common dependencies. */
export interface ServiceExtras {
  engines: Engines;
  /** Sends the capture flow's handover text messages (see notifications/sms.ts). */
  sms: SmsSender;
  /** Fetches capture theme assets (fonts, favicons) from the configured URLs. */
  themeFetch: SafeFetch;
  capture: { linkMinutes: number; sessionMinutes: number };
  /** How long an Active Authentication challenge can be answered. */
  chip: { challengeMinutes: number };
}

/**
 * Every service, wired to each other and to their dependencies.
 *
 * @example const services = createServices(deps, { engines, sms, themeFetch, capture, chip }); await services.dossiers.list(caller);
 */
export function createServices(deps: ServiceDeps, extras: ServiceExtras): Services {
  const { engines } = extras;
  const verification = new VerificationService(deps);
  const processImages = new ProcessImageService(deps);
  const processes = new ProcessService(deps);
  const sandbox = new SandboxService(deps, verification);
  const captureSteps = new CaptureStepService(deps, engines, verification, sandbox);
  const captureDeps = { ...deps, ...extras.capture };
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
    captureSessions: new CaptureSessionService(captureDeps),
    captureSteps,
    captureHandover: new CaptureHandoverService(captureDeps, captureSteps, extras.sms),
    captureTheme: new CaptureThemeService(extras.themeFetch, deps.logger),
    chip: new ChipService(deps, extras.chip),
  };
}
