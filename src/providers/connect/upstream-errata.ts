import type { UpstreamErratum } from '../types.js';

/** Where upstream's examples contradict its rules (see UpstreamErratum). */
export const upstreamErrata: readonly UpstreamErratum[] = [
  {
    source: 'get-process-results-by-provider.txt:1282',
    field: 'finalResult',
    reason:
      "The 'JWT not encrypted' example has no finalResult, but the userInfo format table of the same section says an " +
      'unencrypted JWT gives one, and the sentence introducing the example says the JWT is decoded to fill it.',
  },
];
