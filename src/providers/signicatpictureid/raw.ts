import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What Signicat PictureID hands Assure when a transaction ends: the document it read with its security
 * checks, and the selfie's face detection; or why the transaction ended without a result.
 */

/** A box on the document or selfie image, in pixels. */
const Box = Type.Object({ x: Type.Integer(), y: Type.Integer(), width: Type.Integer(), height: Type.Integer() });

const Subject = Type.Object({
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  commonName: Type.Optional(Type.String()),
  alternativePrimaryName: Type.Optional(Type.String()),
  alternativeSecondaryName: Type.Optional(Type.String()),
  dateOfBirth: Type.Optional(Type.String()),
  placeOfBirth: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  gender: Type.Optional(Type.String()),
  nationality: Type.Optional(Type.String()),
  personalIdentificationNumber: Type.Optional(Type.String()),
  photo: Type.Optional(Box),
  signature: Type.Optional(Box),
});

const SimilarityLevel = Type.Union([
  Type.Literal('veryLow'),
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
]);

/** A check with a verdict (notTamperedDocument, nonExpired, notUnderage, notBlackAndWhite...). */
const PassFailCheck = Type.Object({ name: Type.String(), passed: Type.Boolean() });
/** The face comparison, which grades instead of passing (selfieAndDocumentMatch). */
const SimilarityCheck = Type.Object({ name: Type.String(), similarityLevel: SimilarityLevel });

const Document = Type.Object({
  issuingCountry: Type.Optional(Type.String()),
  issuingPlace: Type.Optional(Type.String()),
  dateOfIssue: Type.Optional(Type.String()),
  dateOfExpiry: Type.Optional(Type.String()),
  nonExpiring: Type.Optional(Type.Boolean()),
  documentNumber: Type.Optional(Type.String()),
  subject: Type.Optional(Subject),
  // Keyed by check; a check that could not be made is absent.
  securityChecks: Type.Record(Type.String(), Type.Union([PassFailCheck, SimilarityCheck])),
});

const Selfie = Type.Object({
  status: Type.Union([
    Type.Literal('UNDEFINED'),
    Type.Literal('SUCCESS'),
    Type.Literal('NO_FACE_DETECTED'),
    Type.Literal('MULTIPLE_FACES_DETECTED'),
  ]),
  x: Type.Optional(Type.Integer()),
  y: Type.Optional(Type.Integer()),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
});

const Completed = Type.Object({ status: Type.Literal('COMPLETED'), document: Document, selfie: Type.Optional(Selfie) });
/** The end-user did not finish within the transaction's time (15 minutes after the first image). */
const Expired = Type.Object({ status: Type.Literal('EXPIRED'), detail: Type.String() });
const Canceled = Type.Object({ status: Type.Literal('CANCELED') });
/** Assure could not hand the images to PictureID. */
const Failed = Type.Object({
  status: Type.Literal('FAILED'),
  error: Type.Object({ type: Type.String({ minLength: 1 }), message: Type.String() }),
});

/** The schemas, also used to keep only known fields in providerSpecific. */
export { Document as documentSchema, Selfie as selfieSchema };
export type PictureIdDocument = Static<typeof Document>;
export type PictureIdSelfie = Static<typeof Selfie>;
export type PictureIdCompleted = Static<typeof Completed>;
export type SimilarityLevel = Static<typeof SimilarityLevel>;
export type PictureIdRaw =
  PictureIdCompleted | Static<typeof Expired> | Static<typeof Canceled> | Static<typeof Failed>;

const PictureIdRaw = Type.Union([Completed, Expired, Canceled, Failed]);

/** Reads a raw PictureID result; a string says why it is not one. */
export function parsePictureIdRaw(raw: unknown): PictureIdRaw | string {
  return Value.Check(PictureIdRaw, raw)
    ? raw
    : 'The PictureID result is not a completed, expired, canceled or failed transaction.';
}
