import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

/**
 * The raw result of a VideoID video identification, as the VideoID service reports it: either the
 * completed identification (the OCR analysis of document and face, plus the agent's review when an
 * agent took part) or the error record that stopped it. Electronic IDentification (`eid`) is the same
 * service under its older name and uses this record too.
 *
 * The schemas are open (extra vendor fields are tolerated) but every field the rules read is checked.
 */

const optionalText = Type.Optional(Type.String());

/** Face match between the person on the video and the photo on the document. */
// The upstream examples write `verylow`, the field description `veryLow`: the vendor uses both.
const SimilarityScore = Type.Union([
  Type.Literal('high'),
  Type.Literal('medium'),
  Type.Literal('low'),
  Type.Literal('veryLow'),
  Type.Literal('verylow'),
]);
export type SimilarityScore = Static<typeof SimilarityScore>;

const BBox = Type.Object({
  x: Type.Integer(),
  y: Type.Integer(),
  width: Type.Integer({ minimum: 0 }),
  height: Type.Integer({ minimum: 0 }),
});

/** A visual element of the document (header, OVI, photo...) and whether the OCR found it. */
export const Feature = Type.Object({
  name: Type.String({ minLength: 1 }),
  found: Type.Boolean(),
  bbox: Type.Optional(BBox),
  side: optionalText,
});
export type Feature = Static<typeof Feature>;

/** The security checks the vendor documents; the record may carry others, and each counts. */
export const securityCheckNames = [
  'nonExpired',
  'notUnderage',
  'dataIntegrity',
  'livenessDetected',
  'liveness',
  'sidesMatch',
  'notBWCopy',
  'notFaceSpoofing',
  'untamperedDocument',
  'untamperedVideo',
  'deviceSecurity',
  'reflectiveSurface',
  'documentTilt',
] as const;
export type SecurityCheckName = (typeof securityCheckNames)[number];

const SecurityChecks = Type.Record(Type.String(), Type.Object({ valid: Type.Boolean() }));

/** What the OCR read on the document; the extra national numbers appear on some identity cards. */
const documentFields = {
  firstName: optionalText,
  alternativeFirstName: optionalText,
  lastName: optionalText,
  alternativeLastName: optionalText,
  dateOfBirth: optionalText,
  birthPlace: optionalText,
  gender: optionalText,
  nationality: optionalText,
  address: optionalText,
  documentType: optionalText,
  idType: optionalText,
  documentNumber: optionalText,
  issuingCountry: optionalText,
  issuingAuthority: optionalText,
  dateOfIssue: optionalText,
  dateOfExpiry: optionalText,
  personalIdentificationNumber: optionalText,
  socialSecurityNumber: optionalText,
  healthNumber: optionalText,
  taxNumber: optionalText,
  predictedAge: optionalText,
};

/** The automatic analysis of the recording (the download's `ocr.json`). */
export const OcrAnalysis = Type.Object({
  similarityScore: SimilarityScore,
  // A string, not a boolean, in every upstream example.
  livenessDetected: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  features: Type.Array(Feature),
  securityChecks: SecurityChecks,
  ...documentFields,
});
export type OcrAnalysis = Static<typeof OcrAnalysis>;

/** Why an agent rejected an identification. */
export const AgentReason = Type.Object({
  // Any code is kept: a code the vendor adds later must not turn an agent's decision into an error.
  type: Type.String({ minLength: 1 }),
  message: Type.String(),
});
export type AgentReason = Static<typeof AgentReason>;

/** The agent's review of the recording (the download's `manual_approval.json`). */
export const ManualApproval = Type.Object({
  result: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  rejectionReasons: Type.Optional(Type.Array(AgentReason)),
  /** Seconds the review took. */
  duration: optionalText,
  firstName: optionalText,
  alternativeFirstName: optionalText,
  lastName: optionalText,
  alternativeLastName: optionalText,
  dateOfBirth: optionalText,
  birthPlace: optionalText,
  gender: optionalText,
  nationality: optionalText,
  address: optionalText,
  documentNumber: optionalText,
  issuingCountry: optionalText,
  issuingAuthority: optionalText,
  dateOfExpiry: optionalText,
  personalIdentificationNumber: optionalText,
  videoId: optionalText,
  verificationId: optionalText,
  verifierId: optionalText,
  verificationDate: optionalText,
  rAuthorityId: optionalText,
});
export type ManualApproval = Static<typeof ManualApproval>;

/**
 * Why an identification stopped. The VideoID API sends id, date, reason and category; the web SDK and
 * the capture service send a type and a message instead. Either way it says what went wrong.
 */
export const VideoIdError = Type.Object({
  id: optionalText,
  /** Epoch milliseconds. */
  date: Type.Optional(Type.Integer({ minimum: 0 })),
  reason: optionalText,
  category: optionalText,
  type: optionalText,
  message: optionalText,
});
export type VideoIdError = Static<typeof VideoIdError>;

export const CompletedVideoId = Type.Object({
  status: Type.Literal('completed'),
  videoId: Type.String({ minLength: 1 }),
  ocr: OcrAnalysis,
  manualApproval: Type.Optional(ManualApproval),
});
export type CompletedVideoId = Static<typeof CompletedVideoId>;

export const FailedVideoId = Type.Object({
  status: Type.Literal('failed'),
  videoId: optionalText,
  error: VideoIdError,
});
export type FailedVideoId = Static<typeof FailedVideoId>;

export type VideoIdResult = CompletedVideoId | FailedVideoId;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const completedValidator = Compile(CompletedVideoId);
const failedValidator = Compile(FailedVideoId);

/** Checks an unknown value against the VideoID record; never throws. */
export function parseVideoIdResult(raw: unknown): Parsed<VideoIdResult> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'the VideoID result is not an object' };
  }
  const status: unknown = (raw as Record<string, unknown>).status;
  if (status === 'completed') return checked(completedValidator, raw);
  if (status === 'failed') {
    const parsed = checked(failedValidator, raw);
    if (parsed.ok && !parsed.value.error.reason && !parsed.value.error.type) {
      return { ok: false, problem: 'the VideoID error has neither a reason nor a type' };
    }
    return parsed;
  }
  return { ok: false, problem: `unknown VideoID status ${JSON.stringify(status) ?? 'undefined'}` };
}

interface Validator<T> {
  Check(value: unknown): value is T;
  Errors(value: unknown): { instancePath: string; keyword: string; message: string }[];
}

function checked<V>(validator: Validator<V>, raw: unknown): Parsed<V> {
  if (validator.Check(raw)) return { ok: true, value: raw };
  const errors = validator.Errors(raw);
  // Inside a union the first errors are the per-literal mismatches; the union's own error reads better.
  const error = errors.find((e) => e.keyword !== 'const') ?? errors[0];
  return { ok: false, problem: error ? `${error.instancePath || '/'} ${error.message}` : 'invalid VideoID result' };
}
