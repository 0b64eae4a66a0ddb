import type { UpstreamErratum } from '../types.js';

export const openApiSfaRejected = 'openapi#Signicat VideoID SubstantialFullyAuto Rejected response';
export const openApiSubstantialRejected = 'openapi#Signicat VideoID Substantial Rejected response';

export const upstreamErrata: readonly UpstreamErratum[] = [
  {
    source: openApiSfaRejected,
    field: 'status',
    reason:
      "Titled SubstantialFullyAuto but its processType is 'substantial'. For substantial, upstream's rule makes a " +
      'similarityScore other than high inconclusive, so this OCR (similarity low, every check valid, every feature ' +
      "found) is inconclusive; 'rejected' is the substantialFullyAuto rule, shown by the provider guide's twin " +
      'example with processType substantialFullyAuto. Its spec test reproduces it in full as substantialFullyAuto.',
  },
  {
    source: openApiSubstantialRejected,
    field: 'providerSpecific',
    reason:
      'ocr.features is [{}]: a feature with neither name nor found flag, against the Ocr schema, which says each ' +
      'feature in the list has a name and whether it was found; both guides elide the same list as [{...}, ...]. ' +
      'Its spec test compares the rest of providerSpecific with the list taken as elided.',
  },
];
