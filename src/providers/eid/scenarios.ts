import { commonScenarios } from '../signicatvideoid/common-scenarios.js';
import {
  agentApproval,
  agentReasons,
  agentRejection,
  completed,
  ovisNotFound,
  passportMedia,
  passportOcr,
} from '../signicatvideoid/scenario-data.js';
import type { Scenario } from '../types.js';

const agent = ['unattended', 'attended'];
const { accepted, others } = commonScenarios('eid', { agent, automatic: ['substantial'] });

// The OCR of upstream's eid examples: a passport read with expiry 2025-10-05.
const documentedOcr = { dateOfExpiry: '2025-10-05' } as const;

const documented: Scenario[] = [
  {
    id: 'eid-accepted-agent-corrected',
    description: 'Accepted; an agent, if any, corrects the expiry date the OCR read (upstream example).',
    raw: completed(passportOcr(documentedOcr), agentApproval()),
    media: passportMedia,
  },
  {
    id: 'eid-agent-rejected',
    description: 'Rejected by the agent: no legal-looking identity document.',
    processTypes: agent,
    raw: completed(passportOcr(documentedOcr), agentRejection([agentReasons.documentAspect])),
    media: passportMedia,
  },
  {
    id: 'eid-ovis-not-found',
    description: 'Similarity very low and both OVIs covered: inconclusive for substantial (upstream example).',
    processTypes: ['substantial'],
    raw: completed(passportOcr({ similarityScore: 'verylow', features: ovisNotFound, ...documentedOcr })),
    media: passportMedia,
  },
];

/** Electronic IDentification sandbox scenarios: the plain accepted one first. */
export const scenarios: readonly Scenario[] = [accepted, ...documented, ...others];
