import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What the FaceTec Server hands Assure for a process, in FaceTec's own response shapes: the answer to
 * `/enrollment-3d` (liveness of the face scan) and the answers to the 3D-2D match calls made against
 * the uploaded image, in the order they were made. Each FaceTec response names its endpoint in callData.
 */

const SecurityChecks = Type.Object({
  auditTrailVerificationCheckSucceeded: Type.Boolean(),
  replayCheckSucceeded: Type.Boolean(),
  faceScanLivenessCheckSucceeded: Type.Boolean(),
  sessionTokenCheckSucceeded: Type.Boolean(),
});
export type SecurityChecks = Static<typeof SecurityChecks>;

const Enrollment = Type.Object({
  success: Type.Boolean(),
  wasProcessed: Type.Optional(Type.Boolean()),
  error: Type.Boolean(),
  errorMessage: Type.Optional(Type.String()),
  faceScanSecurityChecks: Type.Optional(SecurityChecks),
  externalDatabaseRefID: Type.Optional(Type.String()),
});
export type Enrollment = Static<typeof Enrollment>;

/** The 3D-2D match endpoints Assure tries, from the strictest algorithm to the most lenient. */
const MatchPath = Type.Union([
  Type.Literal('/match-3d-2d-face-portrait'),
  Type.Literal('/match-3d-2d-3rdparty-idphoto'),
  Type.Literal('/match-3d-2d-3rdparty-idphoto-low-quality'),
]);
export type MatchPath = Static<typeof MatchPath>;

const Match = Type.Object({
  success: Type.Boolean(),
  wasProcessed: Type.Optional(Type.Boolean()),
  error: Type.Boolean(),
  errorMessage: Type.Optional(Type.String()),
  matchLevel: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  imageProcessingStatusEnumInt: Type.Optional(Type.Integer()),
  callData: Type.Object({ path: MatchPath }),
});
export type Match = Static<typeof Match>;

const FaceTecRaw = Type.Object({ enrollment: Enrollment, matches: Type.Array(Match, { maxItems: 3 }) });
export type FaceTecRaw = Static<typeof FaceTecRaw>;

/** Reads a raw FaceTec result; a string says why it is not one. */
export function parseFaceTecRaw(raw: unknown): FaceTecRaw | string {
  if (Value.Check(FaceTecRaw, raw)) return raw;
  const errors = Value.Errors(FaceTecRaw, raw);
  const first = errors[0];
  if (!first) return 'The FaceTec result is malformed.';
  // A union reports one error per member and then a summary at the same place; the summary reads best.
  const summary = errors.filter((e) => e.instancePath === first.instancePath).at(-1) ?? first;
  return `The FaceTec result is malformed: ${summary.instancePath || '(root)'} ${summary.message}.`;
}
