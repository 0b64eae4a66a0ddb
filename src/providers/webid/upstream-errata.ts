import type { UpstreamErratum } from '../types.js';

export const videoIdExample = 'openapi#Example using webid provider with videoId';
export const accountIdExample = 'openapi#Example using webid provider with accountId';
const alpha2 =
  "finalResult.nationality is 'DE' (alpha-2), but FinalResultDetails defines nationality as ISO 3166 alpha-3 and " +
  "the Get process guide says finalResult values are normalised: we return 'DEU'.";

export const upstreamErrata: readonly UpstreamErratum[] = [
  { source: videoIdExample, field: 'finalResult', reason: `${alpha2} Its spec test compares the rest.` },
  {
    source: accountIdExample,
    field: 'finalResult',
    reason:
      `${alpha2} Also, its finalResult.dateOfExpiry 2023-06-23 appears nowhere in its ident response, whose ` +
      'only expiry (idDocument.dateOfExpiry) is 2027-08-23; finalResult summarises the provider data, so we ' +
      'return 2027-08-23. Its spec test compares the rest.',
  },
];
