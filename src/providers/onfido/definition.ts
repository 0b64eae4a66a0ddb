import { randomUUID } from 'node:crypto';
import { missingImages, noCreateRules, type ProviderDefinition } from '../types.js';
import { createResponse } from './create-response.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { onfidoEngineBackend } from './engine-backend.js';

export const onfido: ProviderDefinition = {
  name: 'onfido',
  title: 'Onfido',
  processTypes: ['document', 'documentSelfie', 'documentVideo'],
  defaultProcessType: 'documentSelfie',
  documentType: 'optional',
  documentCountry: 'notApplicable',
  redaction: false,
  uploadDepictions: ['front', 'back', 'selfie'],
  readableDepictions: ['front', 'back', 'selfie'],
  // The applicantId.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'api',
  validateCreate: noCreateRules,
  startProblem(context) {
    // The document type tells Onfido how to read the images; it is required when they come through the API.
    if (context.process.documentType === null && context.images.size > 0) {
      return 'This process was created without a documentType, which Onfido needs for images uploaded through the API.';
    }
    if (context.process.processType === 'documentSelfie') return missingImages(context, ['front', 'selfie']);
    return missingImages(context, ['front']);
  },
  engineBackend: onfidoEngineBackend,
  mapResult,
  scenarios,
  createResponse,
};
