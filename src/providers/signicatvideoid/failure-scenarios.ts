import type { Scenario } from '../types.js';
import type { FailedVideoId, VideoIdError } from './raw.js';
import { documentedVideoId } from './scenario-data.js';

interface Failure {
  slug: string;
  description: string;
  error: VideoIdError;
}

/** Upstream's failure examples: two from the SDK or capture side (type, message), one from the API. */
const documentedFailures: Failure[] = [
  {
    slug: 'inactive-user-aborted',
    description: 'Failed: no interaction with the video, the SDK aborted (upstream example).',
    error: {
      id: '8ea0e55f-385f-47b7-a401-ef1db467a625',
      type: 'InactiveUser.Aborted',
      message: 'There has been no interaction with the video',
    },
  },
  {
    slug: 'liveness-not-detected',
    description: 'Failed: the VideoID API detected no live person (User.Error, upstream example).',
    error: {
      id: '6c3bb734-34a1-4979-8a5b-14a91853cadb',
      date: 1745491701000,
      reason: 'Liveness.NotDetected',
      category: 'User.Error',
    },
  },
  {
    slug: 'system-requirements',
    description: 'Failed: the browser gave no camera and microphone (web SDK error, upstream example).',
    error: { type: 'system_requirements', message: 'The following requirements were not met: camera,microphone.' },
  },
];

/** A VideoID API error of the kinds upstream names (reason and category), a minute after its example's. */
const apiError = (
  slug: string,
  description: string,
  error: { id: string; reason: string; category: string },
  minute: number,
): Failure => ({
  slug,
  description,
  error: { id: error.id, date: 1745491701000 + 60_000 * minute, reason: error.reason, category: error.category },
});

const failures: Failure[] = [
  ...documentedFailures,
  apiError(
    'camera-not-found',
    'Failed: the device has no camera.',
    {
      id: 'dde7db96-ecae-4d6a-83f4-4401eababe98',
      reason: 'Camera.NotFound',
      category: 'Camera.Error',
    },
    1,
  ),
  apiError(
    'microphone-not-found',
    'Failed: the device has no microphone.',
    {
      id: 'd6a89887-8b3c-474a-994d-7cba2d5d4214',
      reason: 'Microphone.NotFound',
      category: 'Microphone.Error',
    },
    2,
  ),
  apiError(
    'permission-denied',
    'Failed: the user denied access to the camera.',
    {
      id: 'b4d34a2b-81e3-486e-a7c2-c24d9620e9de',
      reason: 'Permission.Denied',
      category: 'User.Error',
    },
    3,
  ),
  apiError(
    'user-inactive',
    'Failed: the user stopped responding.',
    {
      id: '2389b52a-6d19-417d-943b-d10eef50f02c',
      reason: 'User.Inactive',
      category: 'User.Error',
    },
    4,
  ),
  apiError(
    'connection-lost',
    'Failed: the network connection was lost.',
    {
      id: '1a2cc1c9-abc4-4771-aadd-d16c173269b5',
      reason: 'Connection.Lost',
      category: 'Network.Error',
    },
    5,
  ),
  apiError(
    'document-sides-mismatch',
    'Failed: the two sides shown are of different documents.',
    {
      id: '70e6e2da-0e29-481f-9ded-c96d439593d6',
      reason: 'DocumentSides.Mismatch',
      category: 'Document.Error',
    },
    6,
  ),
];

/** The failure scenarios of a VideoID provider; failures happen before any review, so for every type. */
export function failureScenarios(provider: string): Scenario[] {
  return failures.map(({ slug, description, error }) => {
    const raw: FailedVideoId = { status: 'failed', videoId: documentedVideoId, error };
    return { id: `${provider}-${slug}`, description, raw };
  });
}
