import type { WebhookService } from '../../notifications/webhook-service.js';
import type { DocumentTypeService } from '../../services/document-types.js';
import type { DossierFileService } from '../../services/dossier-files.js';
import type { DossierService } from '../../services/dossiers.js';
import type { MatchingService } from '../../services/matching.js';
import type { ProcessImageService } from '../../services/process-images.js';
import type { ProcessListService } from '../../services/process-list.js';
import type { ProcessService } from '../../services/processes.js';
import type { RedactionService } from '../../services/redaction.js';
import type { ResultService } from '../../services/results.js';
import type { SandboxService } from '../../services/sandbox.js';
import type { UserDataService } from '../../services/user-data.js';
import type { VerificationService } from '../../services/verification.js';
import type { WatermarkService } from '../../services/watermark.js';

/** The use cases the Assure routes call. */
export interface AssureServices {
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
}
