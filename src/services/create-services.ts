import type { RedactionEngines } from '../redaction/redactor.js';
import { CaptureConfigurationService } from './capture-configurations.js';
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
}

/**
 * Every service, wired to each other and to their dependencies.
 *
 * @example const services = createServices(deps, engines); await services.dossiers.list(caller);
 */
export function createServices(deps: ServiceDeps, engines: RedactionEngines): Services {
  const verification = new VerificationService(deps);
  const processImages = new ProcessImageService(deps);
  return {
    dossiers: new DossierService(deps),
    userData: new UserDataService(deps),
    files: new DossierFileService(deps),
    processes: new ProcessService(deps),
    processImages,
    verification,
    processList: new ProcessListService(deps),
    results: new ResultService(deps),
    sandbox: new SandboxService(deps, verification),
    webhooks: new WebhookService(deps),
    matching: new MatchingService(deps),
    watermark: new WatermarkService(processImages),
    documentTypes: new DocumentTypeService(),
    redaction: new RedactionService(deps, engines),
    captureConfigurations: new CaptureConfigurationService(deps),
  };
}
