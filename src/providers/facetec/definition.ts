import { abandonedMessage } from '../expiry.js';
import { noCreateRules, type ProviderDefinition } from '../types.js';
import { createResponse } from './create-response.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { faceTecEngineBackend } from './engine-backend.js';
import { faceTecCreateFields, faceTecStartFields } from './wire-fields.js';

export const facetec: ProviderDefinition = {
  name: 'facetec',
  title: 'FaceTec',
  processTypes: [],
  defaultProcessType: undefined,
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  documentId: 'notApplicable',
  redaction: false,
  uploadDepictions: ['front', 'selfie'],
  readableDepictions: ['front', 'selfie'],
  expiry: { failReason: { type: 'SessionExpired', message: abandonedMessage } },
  verificationStart: 'api',
  startFields: faceTecStartFields,
  validateCreate: noCreateRules,
  startProblem({ body, images }) {
    const enrollment = body.facetecEnrollment;
    if (!enrollment || typeof enrollment.faceScan !== 'string' || typeof enrollment.auditTrailImage !== 'string') {
      return 'FaceTec verification needs facetecEnrollment with faceScan and auditTrailImage.';
    }
    if (body.imageDepiction !== 'selfie' && body.imageDepiction !== 'front') {
      return "FaceTec verification needs imageDepiction 'selfie' or 'front'.";
    }
    if (!images.has(body.imageDepiction)) {
      return `Upload the ${body.imageDepiction} image before starting the verification.`;
    }
    return undefined;
  },
  engineBackend: faceTecEngineBackend,
  mapResult,
  scenarios,
  createResponse,
  createResponseFields: faceTecCreateFields,
};
