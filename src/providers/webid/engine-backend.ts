import { readDocumentAndSelfie } from '../engine-support/document-and-selfie.js';
import type { EngineContext, EngineResult } from '../types.js';
import type { WebIdIdentResponse } from './raw.js';

/**
 * WebID videoid from the built-in engines and the capture app's recording: the document read from its
 * MRZ and the portrait compared with the selfie still, kept in the engine output for the reviewer, and
 * an ident response that has not reached a state yet (success false, nobody identified): WebID's agent,
 * here the reviewer, decides it (review.ts), and only the decided response is ever mapped.
 */
export async function webIdEngineBackend(context: EngineContext): Promise<EngineResult> {
  const findings = await readDocumentAndSelfie(context);
  const fields = findings.document?.fields;
  const raw: WebIdIdentResponse = {
    actionId: context.process.externalId ?? '000000000',
    transactionId: context.process.id,
    success: false,
    mismatch: false,
    identifiedOn: null,
    ...(fields && {
      user: {
        firstname: fields.givenNames,
        lastname: fields.surname,
        ...(fields.dateOfBirth && { dateOfBirth: fields.dateOfBirth }),
        ...(fields.sex && fields.sex !== 'X' && { gender: fields.sex }),
      },
      idDocument: {
        documentType: findings.document?.documentType,
        idNumber: fields.documentNumber,
        issuingCountry: fields.issuingState,
        ...(fields.dateOfExpiry && { dateOfExpiry: fields.dateOfExpiry }),
        ...(fields.nationality && { nationality: fields.nationality }),
        mrz: findings.document?.reading.lines.join(''),
      },
    }),
  };
  return { raw, engineOutput: findings };
}
