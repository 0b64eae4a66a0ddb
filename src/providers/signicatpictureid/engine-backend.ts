import { looksLive } from '../../engines/face/presentation-attack.js';
import type { FaceBox } from '../../engines/face/types.js';
import { mrzRegions, readMrzDocument } from '../engine-support/mrz-document.js';
import type { EngineContext, EngineResult } from '../types.js';
import { checkTitles } from './check-titles.js';
import type { PictureIdDocument, PictureIdSelfie } from './raw.js';

const rounded = (box: FaceBox) => ({
  x: Math.round(box.x),
  y: Math.round(box.y),
  width: Math.round(box.width),
  height: Math.round(box.height),
});

/**
 * Signicat PictureID from the built-in engines. Each security check is one we can make honestly:
 * dataIntegrity from the MRZ check digits, nonExpired and notUnderage from its dates, notBlackAndWhite
 * from the colour spread of the front image, and for documentSelfie the face comparison and
 * notFaceSpoofing from the selfie's single-frame anti-spoofing and liveness models (bench/pad). Tampering
 * cannot be judged from pixels here, so notTamperedDocument is not claimed (absent, not passed).
 */
export async function pictureIdEngineBackend(context: EngineContext): Promise<EngineResult> {
  const { images, engines, process } = context;
  const { document, readings } = await readMrzDocument(context);
  const front = images.front;
  const imageChecks = front ? await engines.checkImage(front, mrzRegions(document)) : undefined;
  const portrait = front ? await engines.portrait(front) : null;
  const securityChecks: PictureIdDocument['securityChecks'] = {};
  const check = (name: keyof typeof checkTitles, passed: boolean) => {
    securityChecks[name] = { name: checkTitles[name], passed };
  };
  if (document) {
    check('dataIntegrity', document.reading.valid);
    if (document.fields.dateOfExpiry) check('nonExpired', document.validation.notExpired);
    if (document.fields.dateOfBirth) check('notUnderage', document.validation.ofAge);
  }
  if (imageChecks) check('notBlackAndWhite', imageChecks.blackAndWhite.passed);

  let selfie: PictureIdSelfie | undefined;
  let comparison: Awaited<ReturnType<typeof engines.compareFaces>> | undefined;
  if (process.processType === 'documentSelfie' && images.selfie) {
    const faces = await engines.detectFaces(images.selfie);
    const [face] = faces;
    selfie =
      faces.length === 0
        ? { status: 'NO_FACE_DETECTED' }
        : { status: faces.length > 1 ? 'MULTIPLE_FACES_DETECTED' : 'SUCCESS', ...rounded(face!.box) };
    const live = faces.length === 1 ? looksLive(face!) : undefined;
    if (live !== undefined) check('notFaceSpoofing', live);
    if (front && portrait && faces.length === 1) {
      comparison = await engines.compareFaces(front, images.selfie);
      securityChecks.selfieAndDocumentMatch = {
        name: 'Selfie and photo in the document match',
        similarityLevel: comparison.similarityLevel,
      };
    }
  }

  const fields = document?.fields;
  // A document number whose check digit fails was not read: upstream reports it as unreadable.
  const documentNumber = fields && document.reading.checks.documentNumber !== false ? fields.documentNumber : undefined;
  const raw = {
    status: 'COMPLETED',
    document: {
      ...(fields && { issuingCountry: fields.issuingState }),
      ...(fields?.dateOfExpiry && { dateOfExpiry: fields.dateOfExpiry }),
      ...(documentNumber && { documentNumber }),
      subject: {
        ...(fields && { firstName: fields.givenNames, lastName: fields.surname }),
        ...(fields?.dateOfBirth && { dateOfBirth: fields.dateOfBirth }),
        ...(fields?.sex && fields.sex !== 'X' && { gender: fields.sex }),
        ...(fields?.nationality && { nationality: fields.nationality }),
        ...(fields?.personalNumber && { personalIdentificationNumber: fields.personalNumber }),
        ...(portrait && { photo: rounded(portrait.face.box) }),
      },
      securityChecks,
    },
    ...(selfie && { selfie }),
  };
  return {
    raw,
    engineOutput: {
      readings,
      imageChecks,
      portrait: portrait && { box: portrait.box, face: portrait.face },
      comparison,
    },
  };
}
