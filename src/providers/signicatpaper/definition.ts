import { randomUUID } from 'node:crypto';
import { documentList } from '../../document-types/index.js';
import { europe } from '../../document-types/selection.js';
import { abandonedMessage } from '../expiry.js';
import { missingImages, type ProviderDefinition } from '../types.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { paperEngineBackend } from './engine-backend.js';

export const signicatpaper: ProviderDefinition = {
  name: 'signicatpaper',
  title: 'Signicat Paper',
  aliases: ['paper'],
  processTypes: [],
  defaultProcessType: undefined,
  documentType: 'required',
  documentCountry: 'required',
  documentId: 'notApplicable',
  // European document templates, plus ICAO passports read from their MRZ (documentCountry UNIV).
  documents: documentList([
    { types: ['passport', 'identityCard', 'driversLicense', 'residencePermit', 'passportCard'], countries: europe },
  ]),
  redaction: true,
  uploadDepictions: ['front', 'back'],
  readableDepictions: ['front', 'back'],
  // Paper has no SDK of its own: both sdk values lead to the capture steps.
  capture: { sdks: { native: 'app', capture: 'app' }, document: 'typeAndCountry', selfie: () => 'never' },
  expiry: { failReason: { type: 'SessionExpired', message: abandonedMessage } },
  // The requestId.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'api',
  validateCreate(input) {
    const problems: string[] = [];
    // UNIV means "any ICAO passport, MRZ only"; there is no layout to redact.
    if (input.documentCountry === 'UNIV') {
      if (input.documentType !== undefined && input.documentType !== 'passport') {
        problems.push("documentCountry 'UNIV' can only be used with documentType 'passport'.");
      }
      if (input.redact && input.redact.length > 0) {
        problems.push("Redaction is not available with documentCountry 'UNIV'.");
      }
    }
    return problems;
  },
  startProblem: (context) => missingImages(context, ['front']),
  processFields: (process) => ({ redactionRequested: (process.options.redact?.length ?? 0) > 0 }),
  engineBackend: paperEngineBackend,
  mapResult,
  scenarios,
};
