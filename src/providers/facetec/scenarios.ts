import type { Scenario } from '../types.js';
import type { Enrollment, Match, MatchPath, SecurityChecks } from './raw.js';

/** Raw FaceTec answers, as the FaceTec Server writes them. */

const allPassed: SecurityChecks = {
  auditTrailVerificationCheckSucceeded: true,
  replayCheckSucceeded: true,
  faceScanLivenessCheckSucceeded: true,
  sessionTokenCheckSucceeded: true,
};

function enrollment(failedChecks: Partial<SecurityChecks> = {}): Enrollment {
  const checks = { ...allPassed, ...failedChecks };
  return {
    success: Object.values(checks).every(Boolean),
    wasProcessed: true,
    error: false,
    faceScanSecurityChecks: checks,
    externalDatabaseRefID: 'openassure-sandbox-enrollment',
  };
}

const paths = {
  facePortrait: '/match-3d-2d-face-portrait',
  idPhoto: '/match-3d-2d-3rdparty-idphoto',
  idPhotoLowQuality: '/match-3d-2d-3rdparty-idphoto-low-quality',
} as const satisfies Record<string, MatchPath>;

/** FaceTec's image processing codes: 0 face found, 1 invalid image, 3 low quality. */
function match(algorithm: keyof typeof paths, matchLevel: number, imageProcessingStatusEnumInt = 0): Match {
  return {
    success: matchLevel > 0,
    wasProcessed: true,
    error: false,
    matchLevel,
    imageProcessingStatusEnumInt,
    callData: { path: paths[algorithm] },
  };
}

/** The end-user's face as the audit trail of the face scan. */
const faceScanned = { depictions: ['selfie'] } as const;

/** FaceTec sandbox outcomes; the first is the plain accepted one. */
export const scenarios: readonly Scenario[] = [
  {
    id: 'facetec-accepted',
    description: 'Liveness passed and the face portrait matches at level 8 (1 in 1,000,000 FAR): accepted.',
    raw: { enrollment: enrollment(), matches: [match('facePortrait', 8)] },
    media: faceScanned,
  },
  {
    id: 'facetec-accepted-match-level-6',
    description:
      'Face portrait at level 3, then the ID-photo algorithm reaches level 6, the lowest accepted: accepted.',
    raw: { enrollment: enrollment(), matches: [match('facePortrait', 3), match('idPhoto', 6)] },
    media: faceScanned,
  },
  {
    id: 'facetec-inconclusive',
    description: 'Liveness passed but no algorithm goes above level 5 (1 in 10,000 FAR): inconclusive.',
    raw: {
      enrollment: enrollment(),
      matches: [match('facePortrait', 4), match('idPhoto', 5), match('idPhotoLowQuality', 5)],
    },
    media: faceScanned,
  },
  {
    id: 'facetec-inconclusive-low-quality-photo',
    description: 'The photo is unusable for two algorithms; the low-quality one matches at level 5: inconclusive.',
    raw: {
      enrollment: enrollment(),
      matches: [match('facePortrait', 0, 1), match('idPhoto', 0, 3), match('idPhotoLowQuality', 5)],
    },
    media: faceScanned,
  },
  {
    id: 'facetec-inconclusive-match-level-1',
    description: 'Only the low-quality algorithm finds a match, at level 1 (1 in 100 FAR): inconclusive.',
    raw: {
      enrollment: enrollment(),
      matches: [match('facePortrait', 0), match('idPhoto', 0), match('idPhotoLowQuality', 1)],
    },
    media: faceScanned,
  },
  {
    id: 'facetec-rejected',
    description: 'Liveness passed but no algorithm matches the faces (level 0): rejected.',
    raw: {
      enrollment: enrollment(),
      matches: [match('facePortrait', 0), match('idPhoto', 0), match('idPhotoLowQuality', 0)],
    },
    media: faceScanned,
  },
  {
    id: 'facetec-rejected-liveness-failed',
    description: 'The face scan is not of a live person; no matching is attempted: rejected.',
    raw: { enrollment: enrollment({ faceScanLivenessCheckSucceeded: false }), matches: [] },
    media: faceScanned,
  },
  {
    id: 'facetec-rejected-replayed-face-scan',
    description: 'The face scan was submitted before (replay check failed): rejected.',
    raw: { enrollment: enrollment({ replayCheckSucceeded: false }), matches: [] },
    media: faceScanned,
  },
  {
    id: 'facetec-failed-face-scan-error',
    description: 'FaceTec could not process the submitted face scan at all: failed.',
    raw: {
      enrollment: {
        success: false,
        wasProcessed: false,
        error: true,
        errorMessage: 'The faceScan could not be decrypted; it was not created by a FaceTec SDK for this server.',
      },
      matches: [],
    },
    media: { depictions: [] },
  },
];
