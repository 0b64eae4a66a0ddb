import type { UpstreamErratum } from '../types.js';

/** Where upstream's examples contradict its rules (see UpstreamErratum). */
export const upstreamErrata: readonly UpstreamErratum[] = [
  {
    source: 'openapi#SignicatpictureId example with inconclusive process',
    field: 'status',
    reason:
      'The example shows a failed nonExpired check as inconclusive, but provider-signicatpictureid.txt shows the same ' +
      'process (6aff2abb-bd88-436c-bc81-9086c32a2e2a, identical providerSpecific and statusReasons) as rejected, and ' +
      'its rules say a failing security check rejects; no documented PictureID rule yields inconclusive.',
  },
];
