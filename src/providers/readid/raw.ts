import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * A ReadID session, as ReadID's OData API returns it when the end-user has finished in the ReadID SDK
 * or the ReadID Ready app. Only the parts Assure reads are described; ReadID adds many more (app,
 * device, nfcSession, vizSession...), which are kept in the raw result untouched. Dates on the chip are
 * YYMMDD, genders MALE/FEMALE, names split into primary (surname) and secondary identifiers.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const text = nullable(Type.String());

const VerificationStatus = Type.Union([
  Type.Literal('SUCCEEDED'),
  Type.Literal('FAILED'),
  // The document cannot do it, e.g. an older chip without active or chip authentication.
  Type.Literal('NOT_SUPPORTED'),
  // It could have been done but was not.
  Type.Literal('NOT_CHECKED'),
]);
export type VerificationStatus = Static<typeof VerificationStatus>;

/** ReadID's best reading of the identity across its sources (chip, MRZ, visual inspection). */
const ConsolidatedIdentityData = Type.Object({
  chipVerification: VerificationStatus,
  chipCloneDetection: VerificationStatus,
  dateOfBirth: text,
  dateOfExpiry: text,
  documentCode: text,
  documentNumber: text,
  documentType: text,
  gender: text,
  issuingCountry: text,
  nationality: text,
  nameOfHolder: text,
  personalNumber: text,
  placeOfBirth: text,
  primaryIdentifier: text,
  secondaryIdentifier: text,
});
export type ConsolidatedIdentityData = Static<typeof ConsolidatedIdentityData>;

/** What the chip's data groups say, with ReadID's interpretations of the short MRZ dates. */
const DocumentContent = Type.Object({
  dateOfBirth: text,
  fullDateOfBirth: text,
  interpretedDateOfBirth: text,
  dateOfExpiry: text,
  interpretedDateOfExpiry: text,
  dateOfIssue: text,
  documentCode: text,
  documentNumber: text,
  gender: text,
  issuingAuthority: text,
  issuingCountry: text,
  nationality: text,
  nameOfHolder: text,
  personalNumber: text,
  primaryIdentifier: text,
  secondaryIdentifier: text,
  mrzPrimaryIdentifier: text,
  mrzSecondaryIdentifier: text,
  placeOfBirth: text,
  profession: text,
  telephone: text,
  title: text,
});
export type DocumentContent = Static<typeof DocumentContent>;

/** The iProov liveness and face match, when the account has it; every field is null when it has not. */
const IProovSession = Type.Object({
  assuranceType: text,
  attempts: nullable(Type.Integer({ minimum: 0 })),
  enrolmentImageSource: text,
  errorString: text,
  finished: nullable(Type.Boolean()),
  hasError: nullable(Type.Boolean()),
  passed: nullable(Type.Boolean()),
  riskProfile: text,
});
export type IProovSession = Static<typeof IProovSession>;

const ReadIDSession = Type.Object({
  sessionId: Type.String({ minLength: 1 }),
  consolidatedIdentityData: ConsolidatedIdentityData,
  documentContent: nullable(DocumentContent),
  iProovSession: nullable(IProovSession),
});
export type ReadIDSession = Static<typeof ReadIDSession>;

/** Reads a raw ReadID session; a string says why it is not one. */
export function parseReadIDSession(raw: unknown): ReadIDSession | string {
  if (Value.Check(ReadIDSession, raw)) return raw;
  const errors = Value.Errors(ReadIDSession, raw);
  const first = errors[0];
  if (!first) return 'The ReadID session is malformed.';
  // A union reports one error per member and then a summary at the same place; the summary reads best.
  const summary = errors.filter((e) => e.instancePath === first.instancePath).at(-1) ?? first;
  return `The ReadID session is malformed: ${summary.instancePath || '(root)'} ${summary.message}.`;
}
