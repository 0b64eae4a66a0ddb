import { Type, type Static, type TOptional, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What Onfido hands Assure for a process, in Onfido's own API shapes (snake_case): the check and its
 * reports once Onfido has run them, or why there is none: the end-user left the SDK, the SDK failed,
 * or an Onfido API call failed.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const text = nullable(Type.String());
const flag = nullable(Type.Boolean());

/** A report's or breakdown's verdict. Onfido sends null for a breakdown it did not run. */
const ReportResult = Type.Union([Type.Literal('clear'), Type.Literal('consider'), Type.Literal('unidentified')]);
export type ReportResult = Static<typeof ReportResult>;

/** A document report's detailed verdict. */
const SubResult = Type.Union([
  Type.Literal('clear'),
  Type.Literal('rejected'),
  Type.Literal('suspected'),
  Type.Literal('caution'),
]);
export type SubResult = Static<typeof SubResult>;

const Properties = Type.Record(Type.String(), Type.Unknown());
const SubBreakdown = Type.Object({ result: nullable(ReportResult), properties: Type.Optional(Properties) });
const Breakdown = Type.Object({
  result: nullable(ReportResult),
  breakdown: Type.Optional(Type.Record(Type.String(), SubBreakdown)),
  properties: Type.Optional(Properties),
});
export type Breakdown = Static<typeof Breakdown>;

/** An object of optional breakdowns under the given names. */
function breakdownsNamed<const Names extends readonly string[]>(names: Names) {
  const properties = Object.fromEntries(names.map((name) => [name, Type.Optional(Breakdown)]));
  return Type.Object(properties as { [Name in Names[number]]: TOptional<typeof Breakdown> });
}

const ReportStatus = Type.Union([
  Type.Literal('awaiting_data'),
  Type.Literal('awaiting_approval'),
  Type.Literal('complete'),
  Type.Literal('withdrawn'),
  Type.Literal('paused'),
  Type.Literal('cancelled'),
]);

/** The breakdowns of a document report, by Onfido's names. */
export const documentBreakdownNames = [
  'age_validation',
  'compromised_document',
  'data_comparison',
  'data_consistency',
  'data_validation',
  'image_integrity',
  'issuing_authority',
  'police_record',
  'visual_authenticity',
] as const;
export type DocumentBreakdownName = (typeof documentBreakdownNames)[number];

const VehicleClass = Type.Object({ category: text, codes: text, obtainment_date: text, expiry_date: text });

const DocumentProperties = Type.Object({
  first_name: text,
  last_name: text,
  gender: text,
  nationality: text,
  date_of_birth: text,
  place_of_birth: text,
  document_type: text,
  document_numbers: nullable(Type.Array(Type.Object({ type: Type.String(), value: Type.String() }))),
  date_of_expiry: text,
  issuing_date: text,
  issuing_country: text,
  issuing_state: text,
  issuing_authority: text,
  spouse_name: text,
  widow_name: text,
  alias_name: text,
  mrz_line1: text,
  mrz_line2: text,
  mrz_line3: text,
  drivers_licence: flag,
  restricted_licence: flag,
  raw_licence_category: text,
  raw_vehicle_classes: text,
  vehicle_class_details: nullable(Type.Array(VehicleClass)),
  manual_transmission_restriction: flag,
  passenger_vehicle: nullable(Type.Object({ permission_to_drive: text, obtainment_date: text, expiry_date: text })),
});
export type DocumentProperties = Static<typeof DocumentProperties>;

const DocumentReport = Type.Object({
  id: Type.String(),
  status: ReportStatus,
  result: nullable(ReportResult),
  sub_result: nullable(SubResult),
  breakdown: Type.Optional(breakdownsNamed(documentBreakdownNames)),
  properties: Type.Optional(DocumentProperties),
});
export type DocumentReport = Static<typeof DocumentReport>;

export const facialBreakdownNames = ['face_comparison', 'image_integrity', 'visual_authenticity'] as const;

const FacialSimilarityReport = Type.Object({
  id: Type.String(),
  status: ReportStatus,
  result: nullable(ReportResult),
  breakdown: Type.Optional(breakdownsNamed(facialBreakdownNames)),
  properties: Type.Optional(Type.Object({ score: nullable(Type.Number({ minimum: 0, maximum: 1 })) })),
});
export type FacialSimilarityReport = Static<typeof FacialSimilarityReport>;

const CheckStatus = Type.Union([
  Type.Literal('in_progress'),
  Type.Literal('awaiting_applicant'),
  Type.Literal('complete'),
  Type.Literal('withdrawn'),
  Type.Literal('paused'),
  Type.Literal('reopened'),
]);
export type CheckStatus = Static<typeof CheckStatus>;

/** A check and its reports, keyed by report name (a selfie check has the photo report, a video check the video one). */
const CheckResult = Type.Object({
  applicant_id: Type.String(),
  check: Type.Object({ id: Type.String(), status: CheckStatus, result: nullable(ReportResult), created_at: text }),
  reports: Type.Object({
    document: Type.Optional(DocumentReport),
    facial_similarity_photo: Type.Optional(FacialSimilarityReport),
    facial_similarity_video: Type.Optional(FacialSimilarityReport),
  }),
});
export type CheckResult = Static<typeof CheckResult>;

/** The SDK's exit callback: the end-user closed the flow (or refused consent) before any check existed. */
const UserExit = Type.Object({ applicant_id: Type.String(), user_exit: Type.Object({ code: Type.String() }) });

/** The SDK's error callback (`expired_token`, `exception`...). */
const SdkError = Type.Object({
  applicant_id: Type.String(),
  sdk_error: Type.Object({ type: Type.String({ minLength: 1 }), message: Type.String() }),
});

/** Which of Assure's calls to Onfido failed. */
const ApiStage = Type.Union([
  Type.Literal('applicant'),
  Type.Literal('sdk_token'),
  Type.Literal('upload'),
  Type.Literal('check'),
  Type.Literal('report'),
]);

/** An Onfido API error response, with the HTTP status and the call that got it. */
const ApiError = Type.Object({
  applicant_id: Type.String(),
  api_error: Type.Object({
    stage: ApiStage,
    status_code: Type.Integer({ minimum: 400, maximum: 599 }),
    error: Type.Object({
      type: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
    }),
  }),
});
export type ApiError = Static<typeof ApiError>['api_error'];

export type OnfidoRaw =
  | { kind: 'check'; result: CheckResult }
  | { kind: 'userExit'; code: string }
  | { kind: 'sdkError'; error: Static<typeof SdkError>['sdk_error'] }
  | { kind: 'apiError'; error: ApiError };

/** Reads a raw Onfido result; a string says why it is not one. */
export function parseOnfidoRaw(raw: unknown): OnfidoRaw | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'The Onfido result is not a JSON object.';
  if ('check' in raw) {
    return Value.Check(CheckResult, raw) ? { kind: 'check', result: raw } : problem(CheckResult, raw);
  }
  if ('api_error' in raw)
    return Value.Check(ApiError, raw) ? { kind: 'apiError', error: raw.api_error } : problem(ApiError, raw);
  if ('sdk_error' in raw)
    return Value.Check(SdkError, raw) ? { kind: 'sdkError', error: raw.sdk_error } : problem(SdkError, raw);
  if ('user_exit' in raw) {
    return Value.Check(UserExit, raw) ? { kind: 'userExit', code: raw.user_exit.code } : problem(UserExit, raw);
  }
  return 'The Onfido result has none of check, user_exit, sdk_error or api_error.';
}

function problem(schema: TSchema, value: unknown): string {
  const errors = Value.Errors(schema, value);
  const first = errors[0];
  if (!first) return 'The Onfido result is malformed.';
  // A union reports one error per member and then a summary at the same place; the summary reads best.
  const summary = errors.filter((e) => e.instancePath === first.instancePath).at(-1) ?? first;
  return `The Onfido result is malformed: ${summary.instancePath || '(root)'} ${summary.message}.`;
}
