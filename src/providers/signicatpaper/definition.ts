import { randomUUID } from 'node:crypto';
import { missingImages, type ProviderDefinition } from '../types.js';
import { mapResult } from './mapping.js';
import { scenarios } from './scenarios.js';
import { paperEngineBackend } from './engine-backend.js';

export const signicatpaper: ProviderDefinition = {
  name: 'signicatpaper',
  title: 'Signicat Paper',
  processTypes: [],
  defaultProcessType: undefined,
  documentType: 'required',
  documentCountry: 'required',
  redaction: true,
  uploadDepictions: ['front', 'back'],
  readableDepictions: ['front', 'back'],
  // The requestId.
  externalIdAtCreation: () => randomUUID(),
  verificationStart: 'api',
  validateCreate(input) {
    const problems: string[] = [];
    // UNIV means "any ICAO passport, MRZ only"; there is no layout to redact.
    if (input.documentCountry === 'UNIV') {
      if (input.documentType !== undefined && input.documentType !== 'passport') {
        problems.push("documentCountry 'UNIV' can only be used with documentType 'passport'.");
      }
      if (input.redact && input.redact.length > 0) {
        problems.push("Redaction is not available with documentCountry 'UNIV'.");
      }
    }
    return problems;
  },
  startProblem: (context) => missingImages(context, ['front']),
  engineBackend: paperEngineBackend,
  mapResult,
  scenarios,
};
