import { randomUUID } from 'node:crypto';
import { noCreateRules, type ProviderDefinition } from '../types.js';
import { videoIdCreateResponse } from './create-response.js';
import { defaultProcessType, mapResult, processTypes } from './mapping.js';
import { videoIdRawResultFiles } from './raw-files.js';
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
  redaction: false,
  uploadDepictions: [],
  readableDepictions: ['front', 'back', 'selfie', 'portrait'],
  // The videoId.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'api',
  validateCreate: noCreateRules,
  startProblem: () => undefined,
  upstreamErrata,
  mapResult,
  scenarios,
  createResponse: videoIdCreateResponse,
  rawResultFiles: videoIdRawResultFiles,
};
