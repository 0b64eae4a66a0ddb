import { randomUUID } from 'node:crypto';
import { missingImages, noCreateRules, type ProviderDefinition } from '../types.js';
import { createResponse } from './create-response.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { upstreamErrata } from './upstream-errata.js';
import { pictureIdEngineBackend } from './engine-backend.js';

export const signicatpictureid: ProviderDefinition = {
  name: 'signicatpictureid',
  title: 'Signicat PictureID',
  processTypes: ['document', 'documentSelfie'],
  defaultProcessType: 'documentSelfie',
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  redaction: false,
  uploadDepictions: ['front', 'back', 'selfie'],
  readableDepictions: ['front', 'back', 'selfie'],
  // The transactionId.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'api',
  validateCreate: noCreateRules,
  startProblem(context) {
    return context.process.processType === 'documentSelfie'
      ? missingImages(context, ['front', 'selfie'])
      : missingImages(context, ['front']);
  },
  upstreamErrata,
  engineBackend: pictureIdEngineBackend,
  mapResult,
  scenarios,
  createResponse,
};
