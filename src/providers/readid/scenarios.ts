import type { Scenario } from '../types.js';
import type { ConsolidatedIdentityData, DocumentContent, ReadIDSession, VerificationStatus } from './raw.js';

/**
 * Raw ReadID sessions for the sandbox, written as ReadID sends them (YYMMDD dates, MALE/FEMALE,
 * primary and secondary identifiers). The holder is the Portuguese passport of upstream's examples.
 */
interface SessionOptions {
  chipVerification?: VerificationStatus;
  chipCloneDetection?: VerificationStatus;
  documentNumber?: string;
  /** YYMMDD. */
  dateOfExpiry?: string;
  /** Whether the account releases the chip's document content. */
  documentContent?: boolean;
  iProov?: { passed: boolean; attempts: number };
}

/** ReadID sends far more than Assure reads; the scenarios carry some of it, as a real session would. */
type WithMore<T> = T & Record<string, unknown>;

const holder = { primaryIdentifier: 'SANTOS MENDES', secondaryIdentifier: 'MARIA PAULA' };

function interpreted(yymmdd: string, century: number): string {
  return `${yymmdd.slice(4, 6)}.${yymmdd.slice(2, 4)}.${century + Number(yymmdd.slice(0, 2))}`;
}

function passportSession(options: SessionOptions = {}): WithMore<ReadIDSession> {
  const { documentNumber = 'P123456', dateOfExpiry = '300708' } = options;
  const consolidated: WithMore<ConsolidatedIdentityData> = {
    chipVerification: options.chipVerification ?? 'SUCCEEDED',
    chipVerificationSource: 'CHIP',
    chipCloneDetection: options.chipCloneDetection ?? 'SUCCEEDED',
    chipCloneDetectionSource: 'CHIP',
    dateOfBirth: '020429',
    dateOfExpiry,
    documentCode: 'P',
    documentNumber,
    documentType: 'P',
    gender: 'FEMALE',
    issuingCountry: 'PRT',
    nationality: 'PRT',
    nameOfHolder: 'SANTOS MENDES, MARIA PAULA',
    personalNumber: '123456789',
    placeOfBirth: null,
    ...holder,
  };
  const content: WithMore<DocumentContent> = {
    '@odata.type': '#nl.innovalor.mrtd.model.ICAODocumentContent',
    datagroupNumbers: [1, 2, 11, 14],
    dateOfBirth: '020429',
    interpretedDateOfBirth: '29.04.2002',
    dateOfExpiry,
    interpretedDateOfExpiry: interpreted(dateOfExpiry, 2000),
    dateOfIssue: null,
    documentCode: 'P',
    documentNumber,
    gender: 'FEMALE',
    issuingAuthority: null,
    issuingCountry: 'PRT',
    nationality: 'PRT',
    nameOfHolder: 'SANTOS MENDES, MARIA PAULA',
    personalNumber: '123456789',
    ...holder,
    mrzPrimaryIdentifier: holder.primaryIdentifier,
    mrzSecondaryIdentifier: holder.secondaryIdentifier,
    placeOfBirth: '',
    profession: null,
    telephone: null,
    title: null,
  };
  return {
    sessionId: '6b0c2f4e-93d1-4a57-b8e2-0d4f6a1c3e58',
    creationDate: '2023-12-07T22:33:41.102Z',
    clientId: 'com.readid.ready',
    consolidatedIdentityData: consolidated,
    documentContent: options.documentContent ? content : null,
    iProovSession: options.iProov
      ? {
          assuranceType: 'GENUINE_PRESENCE',
          attempts: options.iProov.attempts,
          enrolmentImageSource: 'Chip',
          errorString: null,
          finished: true,
          hasError: false,
          passed: options.iProov.passed,
          riskProfile: null,
        }
      : // What ReadID sends for an account without iProov.
        { attempts: null, errorString: null, finished: null, hasError: null, passed: null, riskProfile: null },
  };
}

const chipRead = { depictions: ['front', 'portrait'] } as const;
const chipReadAndSelfie = { depictions: ['front', 'portrait', 'selfie'] } as const;

/** ReadID sandbox outcomes; the first is the plain accepted one. */
export const scenarios: readonly Scenario[] = [
  {
    id: 'readid-accepted',
    description: 'Chip verified and not a clone: accepted.',
    raw: passportSession(),
    media: chipRead,
  },
  {
    id: 'readid-accepted-iproov',
    description: 'Chip verified and not a clone, and iProov found the live holder (first attempt): accepted.',
    raw: passportSession({ documentContent: true, iProov: { passed: true, attempts: 1 } }),
    media: chipReadAndSelfie,
  },
  {
    id: 'readid-accepted-clone-detection-not-supported',
    description: 'Chip verified; the chip is too old for clone detection: accepted.',
    raw: passportSession({ chipCloneDetection: 'NOT_SUPPORTED' }),
    media: chipRead,
  },
  {
    id: 'readid-accepted-expiry-2025',
    description: 'Chip verified and not a clone, passport expiring 2025-10-13: accepted.',
    raw: passportSession({ dateOfExpiry: '251013' }),
    media: chipRead,
  },
  {
    id: 'readid-accepted-expired-2023',
    description:
      'Chip verified and not a clone on a passport that expired in 2023 (expiry is not a ReadID rule): accepted.',
    raw: passportSession({ dateOfExpiry: '230608' }),
    media: chipRead,
  },
  {
    id: 'readid-inconclusive-clone-detection-failed',
    description: 'Chip verified but clone detection failed: inconclusive (let the end-user retry).',
    raw: passportSession({ chipCloneDetection: 'FAILED', dateOfExpiry: '251013' }),
    media: chipRead,
  },
  {
    id: 'readid-inconclusive-clone-detection-failed-2023',
    description: 'Chip verified but clone detection failed, on another passport that expired in 2023: inconclusive.',
    raw: passportSession({ chipCloneDetection: 'FAILED', dateOfExpiry: '230608', documentNumber: 'M123456' }),
    media: chipRead,
  },
  {
    id: 'readid-inconclusive-clone-detection-not-checked',
    description: 'Chip verified but clone detection was not run: inconclusive.',
    raw: passportSession({ chipCloneDetection: 'NOT_CHECKED' }),
    media: chipRead,
  },
  {
    id: 'readid-inconclusive-iproov-failed',
    description: 'Chip verified and not a clone, but iProov did not pass after 3 attempts: inconclusive.',
    raw: passportSession({ documentContent: true, iProov: { passed: false, attempts: 3 } }),
    media: chipReadAndSelfie,
  },
  {
    id: 'readid-inconclusive-iproov-failed-expiry-2025',
    description: 'As readid-inconclusive-iproov-failed, on a passport expiring 2025-10-13: inconclusive.',
    raw: passportSession({ documentContent: true, iProov: { passed: false, attempts: 3 }, dateOfExpiry: '251013' }),
    media: chipReadAndSelfie,
  },
  {
    id: 'readid-rejected-chip-verification-failed',
    description: 'The chip data is not authentic (chip verification failed): rejected.',
    raw: passportSession({ chipVerification: 'FAILED', dateOfExpiry: '251013', documentNumber: 'M123456' }),
    media: chipRead,
  },
  {
    id: 'readid-rejected-chip-verification-failed-2023',
    description: 'Chip verification failed on a passport that expired in 2023: rejected.',
    raw: passportSession({ chipVerification: 'FAILED', dateOfExpiry: '230608', documentNumber: 'M123456' }),
    media: chipRead,
  },
];
