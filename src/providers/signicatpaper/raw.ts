import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What Signicat Paper hands Assure after reading a document. The vendor names its fields in snake case:
 * its error texts say `date_of_expiry`, and upstream lets `driving_permits` and `qrcode.personal_number`
 * through unrenamed. Assure renames the rest to camel case (see provider-specific.ts).
 */
const VerificationType = Type.Union([
  Type.Literal('MRZ_FEATURE_COMPARISON'),
  Type.Literal('MRZ_ONLY'),
  // Documents without a machine-readable zone (e.g. Danish health cards): only the text fields are read.
  Type.Literal('FEATURES_ONLY'),
]);
export type VerificationType = Static<typeof VerificationType>;

/** Field name → value or check result, e.g. `date_of_expiry: 'VALID'`. */
const Fields = Type.Record(Type.String(), Type.String());

const PaperDocumentResult = Type.Object({
  /** How the document was read, and whether every verification passed (`false`: see `errors`). */
  verification: Type.Object({
    type: VerificationType,
    status: Type.Boolean(),
  }),
  /** Values read from the visual zone's text fields. */
  features: Type.Optional(Fields),
  /** Values read from the machine-readable zone. */
  mrz: Type.Optional(Fields),
  /** VALID or INVALID per MRZ check digit. */
  mrz_checksum: Type.Optional(Fields),
  /** VALID, INVALID, PARSED, FOUND or MISSING per MRZ value (dates in the past or future, known codes). */
  mrz_verification: Type.Optional(Fields),
  /** FULL_MATCH, LEVENSHTEIN1..4, VALID, PARSED, FOUND or MISSING per visual field against the MRZ. */
  mrz_feature_matching: Type.Optional(Fields),
  /** FOUND, VALID, INVALID or MISSING per visual field, for documents without MRZ. */
  features_verification: Type.Optional(Fields),
  errors: Type.Optional(Type.Array(Type.String())),
  redaction_result: Type.Optional(
    Type.Object({ is_partial_redaction: Type.Boolean(), is_full_redaction: Type.Boolean() }),
  ),
});

/** The end-user's capture ended before Paper could read anything (camera blocked, app error...). */
const CaptureFailed = Type.Object({
  event: Type.Literal('captureFailed'),
  reason: Type.Object({ type: Type.String({ minLength: 1 }), message: Type.String() }),
});

/** The end-user left the capture. */
const CaptureCanceled = Type.Object({ event: Type.Literal('captureCanceled') });

export type PaperDocumentResult = Static<typeof PaperDocumentResult>;
export type CaptureFailed = Static<typeof CaptureFailed>;

export type PaperRaw =
  | { kind: 'document'; result: PaperDocumentResult }
  | { kind: 'captureFailed'; reason: CaptureFailed['reason'] }
  | { kind: 'captureCanceled' };

/** Reads a raw Paper result; a string says why it is not one. */
export function parsePaperRaw(raw: unknown): PaperRaw | string {
  if (Value.Check(CaptureFailed, raw)) return { kind: 'captureFailed', reason: raw.reason };
  if (Value.Check(CaptureCanceled, raw)) return { kind: 'captureCanceled' };
  if (!Value.Check(PaperDocumentResult, raw)) {
    return 'The Paper result is neither a document-reading result nor a capture failure or cancel record.';
  }
  // Each verification type names the zones it read; a result without them has nothing to verify.
  const type = raw.verification.type;
  if (type !== 'FEATURES_ONLY' && !raw.mrz) return `A ${type} result has no mrz.`;
  if (type !== 'MRZ_ONLY' && !raw.features) return `A ${type} result has no features.`;
  return { kind: 'document', result: raw };
}
