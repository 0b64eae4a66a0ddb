import { randomInt } from 'node:crypto';
import type { ProviderDefinition } from '../types.js';
import { createResponse } from './create-response.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { upstreamErrata } from './upstream-errata.js';

/** WebID: a video call with an agent (videoid) or a self-service capture (accountid) on WebID's site. */
export const webid: ProviderDefinition = {
  name: 'webid',
  title: 'WebID',
  processTypes: ['videoid', 'accountid'],
  defaultProcessType: 'videoid',
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  redaction: false,
  uploadDepictions: [],
  readableDepictions: ['front', 'back', 'selfie'],
  // WebID's actionId: nine digits.
  externalIdAtCreation: () => String(randomInt(100_000_000, 1_000_000_000)),
  verificationStart: 'provider',
  validateCreate(input) {
    return input.processParameters?.webid === undefined
      ? ['processParameters.webid is required for the webid provider.']
      : [];
  },
  startProblem: () => undefined,
  upstreamErrata,
  mapResult,
  scenarios,
  createResponse,
};
