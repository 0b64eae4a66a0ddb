import { randomUUID } from 'node:crypto';
import { videoIdEngineBackend } from './engine-backend.js';
import { documentList } from '../../document-types/index.js';
import { europe } from '../../document-types/selection.js';
import { abandonedMessage } from '../expiry.js';
import { sdkFields } from '../sdk-fields.js';
import { noCreateRules, type ProviderDefinition } from '../types.js';
import { videoIdCreateResponse } from './create-response.js';
import { defaultProcessType, mapResult, policyOf, processTypes } from './mapping.js';
import { ocrNode } from './matching-nodes.js';
import { videoIdRawResultFiles } from './raw-files.js';
import { videoIdReview } from './review.js';
import { scenarios } from './scenarios.js';
import { upstreamErrata } from './upstream-errata.js';

/** Signicat VideoID: the end-user records the video in the SDK; Start verification sends it for review. */
export const signicatvideoid: ProviderDefinition = {
  name: 'signicatvideoid',
  title: 'Signicat VideoID',
  processTypes,
  defaultProcessType,
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  documentId: 'notApplicable',
  // European document templates, plus ICAO passports.
  documents: documentList([
    { types: ['passport'], countries: 'any' },
    { types: ['identityCard', 'residencePermit'], countries: europe },
  ]),
  redaction: false,
  uploadDepictions: [],
  readableDepictions: ['front', 'back', 'selfie', 'portrait'],
  videoProcessTypes: 'all',
  downloadTimestamps: true,
  capture: {
    sdks: { native: 'provider' },
    document: 'none',
    selfie: () => 'never',
    live: { steps: 'appWithSelfieVideo', processTypes: ['substantial', 'high', 'substantialFullyAuto'] },
  },
  expiry: { failReason: { type: 'InactiveUser.Aborted', message: abandonedMessage } },
  // The videoId.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'api',
  validateCreate: noCreateRules,
  startProblem: () => undefined,
  upstreamErrata,
  mapResult,
  engineBackend: videoIdEngineBackend,
  review: videoIdReview(policyOf),
  scenarios,
  createResponse: videoIdCreateResponse,
  createResponseFields: sdkFields,
  matchingNodes: { ocr: ocrNode },
  rawResultFiles: videoIdRawResultFiles,
};
