import { randomUUID } from 'node:crypto';
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
  capture: { sdks: { native: 'provider' }, document: 'none', selfie: () => 'never' },
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
