import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { documentList } from '../../document-types/index.js';
import { europe } from '../../document-types/selection.js';
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
  documentId: 'optional',
  // Passports and identity cards worldwide; other documents from European templates.
  documents: documentList([
    { types: ['passport', 'identityCard'], countries: 'any' },
    { types: ['driversLicense', 'residencePermit', 'passportCard'], countries: europe },
  ]),
  redaction: false,
  uploadDepictions: ['front', 'back', 'selfie'],
  readableDepictions: ['front', 'back', 'selfie'],
  // PictureID's own documented rule.
  failReasonStyle: 'detail',
  capture: {
    sdks: { native: 'app', capture: 'app' },
    document: 'catalogueId',
    selfie: (processType) => (processType === 'documentSelfie' ? 'required' : 'optional'),
    ownConfigurationBlock: true,
  },
  expiry: { afterFirstImageMinutes: 15, failReason: { detail: 'Transaction time expired.' } },
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
  createResponseFields: {
    documentPages: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })),
  },
};
