import type { ScenarioMedia } from '../types.js';
import type { AgentReason, CompletedVideoId, Feature, ManualApproval, OcrAnalysis, SecurityCheckName } from './raw.js';

/**
 * Building blocks of the VideoID sandbox scenarios, shared by `signicatvideoid` and `eid`. The values
 * are those of upstream's examples, so that the scenarios reproduce them; what the examples elide is
 * filled in with data of the same kind.
 */

/** The person of upstream's examples, as both the OCR and the agent record her. */
const person = {
  firstName: 'MARIA PAULA',
  lastName: 'SANTOS MENDES',
  dateOfBirth: '2002-04-29',
  gender: 'F',
  nationality: 'PRT',
  documentNumber: '1234567890',
  issuingCountry: 'PRT',
  personalIdentificationNumber: 'FANTASYBANK1234567890',
};

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const found = (name: string, bbox: ReturnType<typeof box>): Feature => ({ name, found: true, bbox, side: 'data' });
const notFound = (name: string): Feature => ({ name, found: false, side: 'data' });

/** Every visual feature of the passport found. */
const allFeaturesFound: Feature[] = [
  found('Header', box(84, 28, 248, 32)),
  found('OVI 2', box(596, 44, 32, 24)),
  found('Signature', box(402, 273, 217, 60)),
  found('Photo', box(32, 168, 141, 141)),
  found('OVI 1', box(12, 44, 72, 80)),
];

/** Both optically variable inks covered, as in the inconclusive examples. */
export const ovisNotFound: Feature[] = [
  found('Header', box(85, 37, 249, 33)),
  notFound('OVI 2'),
  found('Signature', box(392, 281, 202, 65)),
  found('Photo', box(44, 178, 141, 141)),
  notFound('OVI 1'),
];

/** Only "OVI 1" not found, as in the substantialFullyAuto accepted example. */
export const ovi1NotFound: Feature[] = [
  found('Header', box(85, 37, 249, 33)),
  found('OVI 2', box(596, 44, 32, 24)),
  found('Signature', box(392, 281, 202, 65)),
  found('Photo', box(44, 178, 141, 141)),
  notFound('OVI 1'),
];

/** The six checks of a passport identification, all valid; overrides fail a check or add one. */
export function securityChecks(
  overrides: Partial<Record<SecurityCheckName, boolean>> = {},
): OcrAnalysis['securityChecks'] {
  const results: Partial<Record<SecurityCheckName, boolean>> = {
    nonExpired: true,
    notUnderage: true,
    dataIntegrity: true,
    livenessDetected: true,
    notFaceSpoofing: true,
    notBWCopy: true,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(results).map(([name, valid]) => [name, { valid }]));
}

/** A passport read in full, face matched, every check valid. */
export function passportOcr(overrides: Partial<OcrAnalysis> = {}): OcrAnalysis {
  return {
    similarityScore: 'high',
    livenessDetected: 'true',
    features: allFeaturesFound,
    securityChecks: securityChecks(),
    ...person,
    documentType: 'passport',
    dateOfExpiry: '2030-07-08',
    ...overrides,
  };
}

/** An identity card: both sides compared, and the national numbers some cards carry. */
export function identityCardOcr(overrides: Partial<OcrAnalysis> = {}): OcrAnalysis {
  return passportOcr({
    securityChecks: securityChecks({ sidesMatch: true }),
    socialSecurityNumber: '11926318740',
    healthNumber: '1234567890',
    taxNumber: '199693803',
    documentType: 'identityCard',
    ...overrides,
  });
}

export const documentedVideoId = 'dd56c701-9ad2-44c0-ab05-864cc46c7d69';

/** The agent record of upstream's high examples, where the agent read the expiry as 2025-10-13. */
const documentedReview = {
  duration: '106',
  ...person,
  dateOfExpiry: '2025-10-13',
  videoId: documentedVideoId,
  verificationId: '6b19d497-e024-4b9c-aade-e6e370b59670',
  verifierId: '331971b7-4302-4cba-b5ea-4aec176f07d6',
  verificationDate: '2025-04-01T08:29:53Z',
  rAuthorityId: 'fc6c2d52-b90a-4bb7-93e9-8fe020ae9da8',
};

export function agentApproval(overrides: Partial<ManualApproval> = {}): ManualApproval {
  return { result: 'approved', ...documentedReview, ...overrides };
}

export function agentRejection(reasons: AgentReason[], overrides: Partial<ManualApproval> = {}): ManualApproval {
  return { result: 'rejected', ...documentedReview, rejectionReasons: reasons, ...overrides };
}

/** Reasons an agent picks from VideoID's list (Document.Aspect worded as in upstream's example). */
export const agentReasons = {
  documentAspect: { type: 'Document.Aspect', message: 'No evidence of a legal-looking identity document is evident.' },
  photoDoesNotMatchPerson: {
    type: 'Photo.DoesNotMatchPerson',
    message: 'The person in the video does not match with the photo in the document',
  },
} satisfies Record<string, AgentReason>;

export function completed(ocr: OcrAnalysis, manualApproval?: ManualApproval): CompletedVideoId {
  return {
    status: 'completed',
    videoId: manualApproval?.videoId ?? documentedVideoId,
    ocr,
    ...(manualApproval && { manualApproval }),
  };
}

export const passportMedia: ScenarioMedia = { depictions: ['front', 'selfie', 'portrait'], video: true };
export const identityCardMedia: ScenarioMedia = { depictions: ['front', 'back', 'selfie', 'portrait'], video: true };
