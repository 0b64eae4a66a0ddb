import { documentList } from '../../document-types/index.js';
import { europe } from '../../document-types/selection.js';
import { abandonedMessage } from '../expiry.js';
import { noCreateRules, type ProviderDefinition } from '../types.js';
import { createResponse } from './create-response.js';
import { readIdEngineBackend } from './engine-backend.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { readIdCreateFields } from './wire-fields.js';

/** ReadID reads the document chip in its SDK or the ReadID Ready app, which also finishes the process. */
export const readid: ProviderDefinition = {
  name: 'readid',
  title: 'ReadID',
  processTypes: ['sdk', 'ready'],
  defaultProcessType: 'sdk',
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  documentId: 'notApplicable',
  // Chip documents: ePassports, and European identity cards and residence permits.
  documents: documentList([
    { types: ['passport'], countries: 'any' },
    { types: ['identityCard', 'residencePermit'], countries: europe },
  ]),
  redaction: false,
  uploadDepictions: [],
  readableDepictions: ['front', 'back', 'selfie', 'portrait'],
  rawResultEndpoint: true,
  capture: { sdks: { native: 'provider' }, document: 'none', selfie: () => 'never' },
  expiry: { failReason: { type: 'SessionExpired', message: abandonedMessage } },
  // ReadID's sessionId replaces it when the session finishes; until then it is the process id.
  externalIdAtCreation: (processId) => processId,
  verificationStart: 'provider',
  // Live clients with their own NFC app upload the chip files and start the verification themselves.
  chipUpload: true,
  validateCreate: noCreateRules,
  startProblem: (context) =>
    context.chipUploaded ? undefined : 'Upload the chip files (POST .../chip) before starting the verification.',
  mapResult,
  scenarios,
  createResponse,
  createResponseFields: readIdCreateFields,
  // The raw result is the ReadID session, downloaded under the name upstream gives it.
  rawResultFiles: (raw) => [{ name: 'session.json', content: raw }],
  engineBackend: readIdEngineBackend,
};
