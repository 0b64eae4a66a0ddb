import type { Scenario } from '../types.js';
import { commonScenarios } from './common-scenarios.js';
import {
  agentApproval,
  agentReasons,
  agentRejection,
  completed,
  identityCardMedia,
  identityCardOcr,
  ovi1NotFound,
  ovisNotFound,
  passportMedia,
  passportOcr,
  securityChecks,
} from './scenario-data.js';

const high = ['high'];
const automatic = ['substantial', 'substantialFullyAuto'];
const { accepted, others } = commonScenarios('signicatvideoid', { agent: high, automatic });

/**
 * Upstream documents most Signicat VideoID cases twice, in the provider guide and in the API
 * reference, with slightly different OCR data: the reference's also reports the document model
 * (`idType` 147). Each variant is a scenario (`-model` for the reference's), so that every example
 * is reproduced.
 */
const guide = { dateOfExpiry: '2025-10-05' } as const;
const reference = { dateOfExpiry: '2025-10-05', idType: '147' } as const;

const documented: Scenario[] = [
  {
    id: 'signicatvideoid-accepted-agent-corrected',
    description: 'Accepted; the agent corrects the expiry date the OCR read (guide example).',
    raw: completed(passportOcr(guide), agentApproval()),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-accepted-agent-corrected-model',
    description: 'Accepted; the agent corrects the expiry date the OCR read (API reference example).',
    raw: completed(passportOcr(reference), agentApproval()),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-agent-rejected',
    description: 'Rejected by the agent: no legal-looking identity document (guide example).',
    processTypes: high,
    raw: completed(passportOcr(guide), agentRejection([agentReasons.documentAspect])),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-agent-rejected-model',
    description: 'Rejected by the agent: no legal-looking identity document (API reference example).',
    processTypes: high,
    raw: completed(passportOcr(reference), agentRejection([agentReasons.documentAspect])),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-low-similarity',
    description: 'Face similarity low: inconclusive for substantial, rejected for substantialFullyAuto (guide).',
    processTypes: automatic,
    raw: completed(passportOcr({ similarityScore: 'low', ...guide })),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-low-similarity-model',
    description: 'Face similarity low: inconclusive for substantial, rejected for substantialFullyAuto (reference).',
    processTypes: automatic,
    raw: completed(passportOcr({ similarityScore: 'low', ...reference })),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-ovis-not-found',
    description: 'Similarity very low and both OVIs covered: inconclusive for substantial (guide example).',
    processTypes: automatic,
    raw: completed(passportOcr({ similarityScore: 'verylow', features: ovisNotFound })),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-ovis-not-found-model',
    description: 'Similarity very low and both OVIs covered: inconclusive for substantial (API reference example).',
    processTypes: automatic,
    raw: completed(passportOcr({ similarityScore: 'verylow', features: ovisNotFound, ...reference })),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-feature-not-found',
    description: '"OVI 1" not found: inconclusive for substantial, accepted for substantialFullyAuto (guide).',
    processTypes: automatic,
    raw: completed(passportOcr({ features: ovi1NotFound, ...guide })),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-feature-not-found-model',
    description: '"OVI 1" not found: inconclusive for substantial, accepted for substantialFullyAuto (reference).',
    processTypes: automatic,
    raw: completed(passportOcr({ features: ovi1NotFound, ...reference })),
    media: passportMedia,
  },
  {
    id: 'signicatvideoid-expiry-check-invalid',
    description: 'Rejected: the vendor marks nonExpired invalid, the OCR read 2030-07-08 (guide example).',
    raw: completed(identityCardOcr({ securityChecks: securityChecks({ sidesMatch: true, nonExpired: false }) })),
    media: identityCardMedia,
  },
];

/** Signicat VideoID sandbox scenarios: the plain accepted one first. */
export const scenarios: readonly Scenario[] = [accepted, ...documented, ...others];
