import { randomInt } from 'node:crypto';
import { webIdEngineBackend } from './engine-backend.js';
import { Type } from 'typebox';
import { documentList } from '../../document-types/index.js';
import { europe } from '../../document-types/selection.js';
import { abandonedMessage } from '../expiry.js';
import type { ProviderDefinition } from '../types.js';
import { createResponse } from './create-response.js';
import { mapResult } from './mapping.js';
import { webIdParameterFields } from './parameters.js';
import { webIdReview } from './review.js';
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
  documentId: 'notApplicable',
  // Chip documents: ePassports and European identity cards.
  documents: documentList([
    { types: ['passport'], countries: 'any' },
    { types: ['identityCard'], countries: europe },
  ]),
  redaction: false,
  uploadDepictions: [],
  readableDepictions: ['front', 'back', 'selfie'],
  failReasonStyle: 'snake',
  capture: {
    sdks: { native: 'provider' },
    document: 'none',
    selfie: () => 'never',
    // accountid is a self-service capture on WebID's site; only the video identification is run here.
    live: { steps: 'appWithSelfieVideo', processTypes: ['videoid'] },
  },
  expiry: { failReason: { type: 'expired', message: abandonedMessage } },
  // WebID's actionId: nine digits.
  externalIdAtCreation: () => String(randomInt(100_000_000, 1_000_000_000)),
  verificationStart: 'provider',
  processParameterFields: webIdParameterFields,
  validateCreate(input) {
    return input.processParameters?.webid === undefined
      ? ['processParameters.webid is required for the webid provider.']
      : [];
  },
  startProblem: () => undefined,
  upstreamErrata,
  mapResult,
  engineBackend: webIdEngineBackend,
  review: webIdReview,
  scenarios,
  createResponse,
  createResponseFields: {
    redirectUrl: Type.Optional(Type.String({ description: 'WebID: where to send the end-user.' })),
  },
};
