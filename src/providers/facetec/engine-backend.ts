import { createHash } from 'node:crypto';
import { looksLive } from '../../engines/face/presentation-attack.js';
import { sniffImageType } from '../../engines/image/image-type.js';
import type { EngineContext, EngineResult } from '../types.js';
import type { Enrollment, Match, MatchPath } from './raw.js';
import type { Depiction } from '../../core/domain.js';

/** A FaceTec session lasts as long as its SDK token; an enrollment arriving later is refused. */
const sessionLifetimeMs = 60 * 60_000;

function decodeImage(value: unknown): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  const base64 = value.replace(/^data:image\/[a-z]+;base64,/i, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const bytes = Buffer.from(base64, 'base64');
  return sniffImageType(bytes) ? bytes : undefined;
}

/**
 * FaceTec from the built-in engines. The 3D face scan itself is FaceTec's encrypted format and cannot
 * be checked here; what can be checked honestly is: the audit-trail image is a real image with exactly
 * one face (audit trail), the same face scan was not used before (replay), the single-frame anti-spoofing
 * and liveness models accept the face (liveness, a weaker check than FaceTec's 3D one), and the
 * enrollment arrived within the session's lifetime (session token). The audit-trail face is then
 * compared with the chosen depiction for the match level.
 */
export async function faceTecEngineBackend(context: EngineContext): Promise<EngineResult> {
  const enrollmentInput = (context.startInput?.facetecEnrollment ?? {}) as Record<string, unknown>;
  const depiction = (context.startInput?.imageDepiction === 'front' ? 'front' : 'selfie') satisfies Depiction;
  const auditTrail = decodeImage(enrollmentInput.auditTrailImage);
  const faces = auditTrail ? await context.engines.detectFaces(auditTrail) : [];
  const face = faces.length === 1 ? faces[0] : undefined;
  const scanPrint = createHash('sha256')
    .update(String(enrollmentInput.faceScan ?? ''))
    .digest('hex');
  const replayed = await context.seenBefore('facetec-face-scan', scanPrint);
  const checks = {
    auditTrailVerificationCheckSucceeded: face !== undefined,
    replayCheckSucceeded: !replayed,
    // Both single-frame models, at the thresholds bench/pad calibrated on simulated prints and screen replays.
    faceScanLivenessCheckSucceeded: face !== undefined && looksLive(face) === true,
    sessionTokenCheckSucceeded:
      (context.process.startedAt ?? context.now) - context.process.createdAt <= sessionLifetimeMs,
  };
  const enrollment: Enrollment = {
    success: Object.values(checks).every(Boolean),
    wasProcessed: true,
    error: false,
    faceScanSecurityChecks: checks,
  };
  const reference = context.images[depiction];
  const matches: Match[] = [];
  let comparison: Awaited<ReturnType<typeof context.engines.compareFaces>> | undefined;
  if (enrollment.success && auditTrail && reference) {
    comparison = await context.engines.compareFaces(reference, auditTrail);
    const path: MatchPath = depiction === 'selfie' ? '/match-3d-2d-face-portrait' : '/match-3d-2d-3rdparty-idphoto';
    matches.push({
      success: comparison.missingFace === 'none' && comparison.matchLevel > 0,
      wasProcessed: true,
      error: false,
      matchLevel: comparison.missingFace === 'none' ? comparison.matchLevel : 0,
      // 0: face found; 2: no face could be detected in the image.
      imageProcessingStatusEnumInt: comparison.missingFace === 'a' || comparison.missingFace === 'both' ? 2 : 0,
      callData: { path },
    });
  }
  return {
    raw: { enrollment, matches },
    engineOutput: { auditTrailFaces: faces, depiction, comparison, replayed },
  };
}
