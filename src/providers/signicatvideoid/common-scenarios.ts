import type { Scenario } from '../types.js';
import { failureScenarios } from './failure-scenarios.js';
import {
  agentApproval,
  agentReasons,
  agentRejection,
  completed,
  identityCardMedia,
  identityCardOcr,
  passportMedia,
  passportOcr,
  securityChecks,
} from './scenario-data.js';

/** Which process types of a VideoID provider an agent decides, and which are decided automatically. */
export interface VideoIdTypes {
  agent: readonly string[];
  automatic: readonly string[];
}

/**
 * The scenarios every VideoID provider has (`signicatvideoid` and `eid` alike): the plain accepted
 * one, the rule boundaries and the errors. Each provider adds the variants its upstream examples need.
 * Outcomes that hinge on the agent apply to the agent types, those that hinge on the face similarity
 * to the automatic types; failing security checks and errors apply to every type.
 */
export function commonScenarios(provider: string, types: VideoIdTypes): { accepted: Scenario; others: Scenario[] } {
  // Today's passport: it expires on 2030-07-08, and so does the agent's record of it.
  const approval = agentApproval({ dateOfExpiry: '2030-07-08' });
  const accepted: Scenario = {
    id: `${provider}-accepted`,
    description: 'Accepted: passport read in full, face matched, every check valid, and any agent approves.',
    // The automatic types ignore the agent's approval, so this one scenario is accepted for every type.
    raw: completed(passportOcr(), approval),
    media: passportMedia,
  };
  const others: Scenario[] = [
    {
      id: `${provider}-agent-rejected-photo`,
      description: 'Rejected by the agent: the person is not the one on the photo, though the OCR matched.',
      processTypes: types.agent,
      raw: completed(
        passportOcr(),
        agentRejection([agentReasons.photoDoesNotMatchPerson], { dateOfExpiry: '2030-07-08' }),
      ),
      media: passportMedia,
    },
    {
      id: `${provider}-agent-approves-medium-similarity`,
      description: 'Accepted by the agent despite a medium face similarity: the agent decides.',
      processTypes: types.agent,
      raw: completed(passportOcr({ similarityScore: 'medium' }), approval),
      media: passportMedia,
    },
    {
      id: `${provider}-medium-similarity`,
      description:
        'Face similarity medium: inconclusive for substantial, rejected where never inconclusive (fully auto).',
      processTypes: types.automatic,
      raw: completed(passportOcr({ similarityScore: 'medium' })),
      media: passportMedia,
    },
    {
      id: `${provider}-expired-document`,
      description: 'Rejected: the identity card expired on 2020-07-08 (nonExpired check invalid).',
      raw: completed(
        identityCardOcr({
          dateOfExpiry: '2020-07-08',
          securityChecks: securityChecks({ sidesMatch: true, nonExpired: false }),
        }),
      ),
      media: identityCardMedia,
    },
    {
      id: `${provider}-underage`,
      description: 'Rejected: the holder, born 2012-03-14, is a minor (notUnderage check invalid).',
      raw: completed(
        passportOcr({ dateOfBirth: '2012-03-14', securityChecks: securityChecks({ notUnderage: false }) }),
      ),
      media: passportMedia,
    },
    {
      id: `${provider}-face-spoofing`,
      description: 'Rejected: a photo was held up instead of a face (notFaceSpoofing check invalid).',
      raw: completed(passportOcr({ securityChecks: securityChecks({ notFaceSpoofing: false }) })),
      media: passportMedia,
    },
    {
      id: `${provider}-black-and-white-copy`,
      description: 'Rejected: the document shown is a black-and-white copy (notBWCopy check invalid).',
      raw: completed(passportOcr({ securityChecks: securityChecks({ notBWCopy: false }) })),
      media: passportMedia,
    },
    ...failureScenarios(provider),
  ];
  return { accepted, others };
}
