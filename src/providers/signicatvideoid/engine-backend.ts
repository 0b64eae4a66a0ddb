import { looksLive } from '../../engines/face/presentation-attack.js';
import { readDocumentAndSelfie, roundedBox, type DocumentAndSelfie } from '../engine-support/document-and-selfie.js';
import type { EngineContext, EngineResult } from '../types.js';
import type { CompletedVideoId, FailedVideoId, Feature, OcrAnalysis } from './raw.js';

/**
 * VideoID (Signicat VideoID and eid) from the built-in engines and the capture app's recording: the
 * document read from its MRZ (front or back), the portrait on it compared with the still of the selfie
 * video, in VideoID's own OCR analysis. Each security check is one the engines can make: dataIntegrity
 * from the check digits, nonExpired and notUnderage from the dates, notBWCopy from the colours of the
 * front, notFaceSpoofing from the single-frame anti-spoofing and liveness models on the selfie still
 * (bench/pad). Liveness itself is not claimed: the reviewer judges it from the video and the prompt the
 * person had to follow. There is no agent's approval yet: the agent-reviewed types wait for a reviewer (review.ts).
 */
export async function videoIdEngineBackend(context: EngineContext): Promise<EngineResult> {
  if (!context.images.front || !context.images.selfie) {
    // Started without the capture flow: there is no recording to read, which VideoID reports as an error.
    const raw: FailedVideoId = {
      status: 'failed',
      videoId: context.process.externalId ?? context.process.id,
      error: {
        type: 'Document.NotCaptured',
        message: 'No document and selfie were captured: live identifications are captured with Start capture flow.',
      },
    };
    return { raw, engineOutput: { images: Object.keys(context.images) } };
  }
  const findings = await readDocumentAndSelfie(context);
  const raw: CompletedVideoId = {
    status: 'completed',
    videoId: context.process.externalId ?? context.process.id,
    ocr: ocrAnalysis(findings),
  };
  return { raw, engineOutput: findings };
}

function ocrAnalysis({ document, imageChecks, portrait, comparison }: DocumentAndSelfie): OcrAnalysis {
  const securityChecks: OcrAnalysis['securityChecks'] = {
    dataIntegrity: { valid: document?.reading.valid ?? false },
  };
  if (document?.fields.dateOfExpiry) securityChecks.nonExpired = { valid: document.validation.notExpired };
  if (document?.fields.dateOfBirth) securityChecks.notUnderage = { valid: document.validation.ofAge };
  if (imageChecks) securityChecks.notBWCopy = { valid: imageChecks.blackAndWhite.passed };
  const live = comparison && comparison.faces.b === 1 ? looksLive(comparison) : undefined;
  if (live !== undefined) securityChecks.notFaceSpoofing = { valid: live };
  const mrzBox = document?.reading.box;
  const features: Feature[] = [
    portrait
      ? { name: 'Photo', found: true, bbox: roundedBox(portrait.box), side: 'data' }
      : { name: 'Photo', found: false, side: 'data' },
    mrzBox
      ? { name: 'MRZ', found: true, bbox: roundedBox(mrzBox), side: document.side === 'front' ? 'data' : 'back' }
      : { name: 'MRZ', found: false, side: 'data' },
  ];
  const fields = document?.fields;
  return {
    // No face to compare is no match at all.
    similarityScore: comparison?.missingFace === 'none' ? comparison.similarityLevel : 'veryLow',
    features,
    securityChecks,
    ...(fields && {
      firstName: fields.givenNames,
      lastName: fields.surname,
      documentNumber: fields.documentNumber,
      issuingCountry: fields.issuingState,
      documentType: document.documentType,
      ...(fields.dateOfBirth && { dateOfBirth: fields.dateOfBirth }),
      ...(fields.dateOfExpiry && { dateOfExpiry: fields.dateOfExpiry }),
      ...(fields.nationality && { nationality: fields.nationality }),
      ...(fields.sex && fields.sex !== 'X' && { gender: fields.sex }),
      ...(fields.personalNumber && { personalIdentificationNumber: fields.personalNumber }),
    }),
  };
}
