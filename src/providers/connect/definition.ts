import { randomUUID } from 'node:crypto';
import { abandonedMessage } from '../expiry.js';
import { noCreateRules, type ProviderDefinition } from '../types.js';
import { liveLogin, methodPattern } from './live-login.js';
import { mapResult } from './mapping.js';
import { userInfoNode } from './matching-nodes.js';
import { scenarios } from './scenarios.js';
import { upstreamErrata } from './upstream-errata.js';

/** Connect: any eID method through Signicat's broker; the provider value is `connect:<method>`. */
export const connect: ProviderDefinition = {
  name: 'connect',
  title: 'Connect',
  methodValues: { pattern: methodPattern, written: 'connect:<method>' },
  processTypes: [],
  defaultProcessType: undefined,
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  documentId: 'notApplicable',
  redaction: false,
  uploadDepictions: [],
  readableDepictions: [],
  failReasonStyle: 'oauth',
  capture: { sdks: { native: 'provider' }, document: 'none', selfie: () => 'never' },
  expiry: { failReason: { error: 'expired', errorDescription: abandonedMessage } },
  // The session id.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'provider',
  validateCreate: noCreateRules,
  startProblem: () => undefined,
  upstreamErrata,
  mapResult,
  matchingNodes: { userInfo: userInfoNode },
  scenarios,
  liveLogin,
};
