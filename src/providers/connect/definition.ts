import { randomUUID } from 'node:crypto';
import { noCreateRules, type ProviderDefinition } from '../types.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { upstreamErrata } from './upstream-errata.js';

/** Connect: any eID method through Signicat's broker; the provider value is `connect:<method>`. */
export const connect: ProviderDefinition = {
  name: 'connect',
  title: 'Connect',
  processTypes: [],
  defaultProcessType: undefined,
  documentType: 'notApplicable',
  documentCountry: 'notApplicable',
  redaction: false,
  uploadDepictions: [],
  readableDepictions: [],
  // The session id.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'provider',
  validateCreate: noCreateRules,
  startProblem: () => undefined,
  upstreamErrata,
  mapResult,
  scenarios,
};
