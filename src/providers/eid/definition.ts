import { randomUUID } from 'node:crypto';
import { documentList } from '../../document-types/index.js';
import { europe } from '../../document-types/selection.js';
import { videoIdEngineBackend } from '../signicatvideoid/engine-backend.js';
import { abandonedMessage } from '../expiry.js';
import { sdkFields } from '../sdk-fields.js';
import { ocrNode } from '../signicatvideoid/matching-nodes.js';
import { videoIdRawResultFiles } from '../signicatvideoid/raw-files.js';
import { videoIdReview } from '../signicatvideoid/review.js';
import { noCreateRules, type ProviderDefinition } from '../types.js';
import { createResponse } from './create-response.js';
import { defaultProcessType, mapResult, policyOf, processTypes } from './mapping.js';
import { scenarios } from './scenarios.js';

/** Electronic IDentification (the VideoID service under its older name): the capture runs in its SDK. */
export const eid: ProviderDefinition = {
  name: 'eid',
  title: 'Electronic IDentification',
  processTypes,
  defaultProcessType,
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  documentId: 'notApplicable',
  redaction: false,
  uploadDepictions: [],
  readableDepictions: ['front', 'back', 'selfie', 'portrait'],
  videoProcessTypes: 'all',
  capture: {
    sdks: { native: 'provider' },
    document: 'none',
    selfie: () => 'never',
    // Only the unattended identification: attended and substantial ones have an agent on a call.
    live: {
      steps: 'appWithSelfieVideo',
      processTypes: ['unattended'],
      // The same documents as Signicat VideoID (the same service): European templates and ICAO passports.
      documents: documentList([
        { types: ['passport'], countries: 'any' },
        { types: ['identityCard', 'residencePermit'], countries: europe },
      ]),
    },
  },
  expiry: { failReason: { type: 'InactiveUser.Aborted', message: abandonedMessage } },
  // The videoId.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'api',
  validateCreate: noCreateRules,
  startProblem: () => undefined,
  mapResult,
  engineBackend: videoIdEngineBackend,
  review: videoIdReview(policyOf),
  scenarios,
  createResponse,
  createResponseFields: sdkFields,
  matchingNodes: { ocr: ocrNode },
  // The same download files as Signicat VideoID: ocr.json and manual_approval.json.
  rawResultFiles: videoIdRawResultFiles,
};
