import { randomUUID } from 'node:crypto';
import { documentList } from '../../document-types/index.js';
import { abandonedMessage } from '../expiry.js';
import { sdkFields } from '../sdk-fields.js';
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
  documentId: 'notApplicable',
  // Onfido reads documents worldwide.
  documents: documentList([
    {
      types: [
        'passport',
        'identityCard',
        'driversLicense',
        'residencePermit',
        'passportCard',
        'stateId',
        'voterId',
        'aadharCard',
        'panCard',
      ],
      countries: 'any',
    },
  ]),
  redaction: false,
  uploadDepictions: ['front', 'back', 'selfie'],
  readableDepictions: ['front', 'back', 'selfie'],
  videoProcessTypes: ['documentVideo'],
  // Upstream: Onfido is still verifying, so neither the process nor its dossier can be deleted.
  undeletableWhile: ['processing'],
  failReasonStyle: 'snake',
  capture: {
    sdks: { native: 'provider', capture: 'app' },
    // A documentVideo process records a video call, which the capture steps do not do.
    appProcessTypes: ['document', 'documentSelfie'],
    document: 'typeAndCountry',
    selfie: (processType) => (processType === 'documentSelfie' ? 'required' : 'optional'),
  },
  expiry: { failReason: { type: 'expired', message: abandonedMessage } },
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
  createResponseFields: { authorization: sdkFields.authorization },
};
