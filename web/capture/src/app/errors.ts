import { ApiError } from '../api/client';

/** The error pages: each says in plain words what happened and what the person can do. */
export type ErrorPageKind =
  'link-invalid' | 'link-expired' | 'link-used' | 'process-finished' | 'no-session' | 'network';

/** The error page for a failed call, or null when the screen that made it should handle it (say so and retry). */
export function errorPageFor(error: unknown): ErrorPageKind | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.type) {
    case 'capture:link-invalid':
      return 'link-invalid';
    case 'capture:link-expired':
      return 'link-expired';
    case 'capture:link-used':
      return 'link-used';
    case 'capture:process-finished':
      return 'process-finished';
    case 'capture:no-session':
      return 'no-session';
  }
  // A session that ended for another reason (an expired cookie answered by a proxy, say) is still lost.
  return error.status === 401 ? 'no-session' : null;
}
