import type { Scenario } from '../types.js';
import type { PictureIdRaw } from './raw.js';
import {
  box,
  documentCheckNames,
  documentChecks,
  dutchSpecimen,
  portugueseDocument,
  selfieFound,
  similarity,
  verdicts,
  type CheckName,
} from './sandbox-documents.js';

const raw = (value: PictureIdRaw): PictureIdRaw => value;

// Where PictureID found the photo, signature and face on the images of upstream's examples.
const selfieCapture = {
  photo: box(187, 456, 376, 539),
  signature: box(1511, 948, 598, 156),
  face: box(349, 333, 417, 702),
};
const lowMatchCapture = {
  photo: box(188, 457, 376, 538),
  signature: box(1511, 948, 598, 156),
  face: box(372, 819, 352, 556),
};
const documentCapture = { photo: box(90, 171, 167, 235), signature: box(336, 425, 298, 108) };

const specimen = dutchSpecimen(documentCapture.photo, documentCapture.signature, documentChecks(['notUnderage']));
const minorSpecimen = { ...specimen, subject: { ...specimen.subject, dateOfBirth: '2012-06-02' } };

const onlyDocument = ['document'] as const;
const withSelfie = ['documentSelfie'] as const;
const front = { depictions: ['front'] } as const;
const frontAndSelfie = { depictions: ['front', 'selfie'] } as const;
const frontAndBack = { depictions: ['front', 'back'] } as const;

/** A completed transaction whose checks all pass but the given one. */
function failingCheck(failing: CheckName): Scenario['raw'] {
  return raw({
    status: 'COMPLETED',
    document: dutchSpecimen(documentCapture.photo, documentCapture.signature, documentChecks([failing])),
  });
}

/** A documentSelfie process whose checks pass and whose faces match at the given level. */
function selfieMatch(level: 'veryLow' | 'low' | 'medium'): Scenario['raw'] {
  const { photo, signature, face } = lowMatchCapture;
  return raw({
    status: 'COMPLETED',
    document: dutchSpecimen(photo, signature, { ...documentChecks(), ...similarity(level) }),
    selfie: selfieFound(face),
  });
}

export const scenarios: readonly Scenario[] = [
  {
    id: 'signicatpictureid-accepted',
    description: 'Every security check passes and the selfie matches the document photo (high).',
    processTypes: withSelfie,
    raw: raw({
      status: 'COMPLETED',
      document: dutchSpecimen(selfieCapture.photo, selfieCapture.signature, {
        ...documentChecks(),
        ...similarity('high'),
      }),
      selfie: selfieFound(selfieCapture.face),
    }),
    media: frontAndSelfie,
  },
  {
    id: 'signicatpictureid-accepted-document',
    description: 'Document process without selfie: every security check passes.',
    processTypes: onlyDocument,
    raw: raw({
      status: 'COMPLETED',
      document: dutchSpecimen(documentCapture.photo, documentCapture.signature, documentChecks()),
    }),
    media: front,
  },
  {
    id: 'signicatpictureid-accepted-portuguese',
    description: 'Portuguese document: every security check passes and the selfie matches (high).',
    processTypes: withSelfie,
    raw: raw({
      status: 'COMPLETED',
      document: portugueseDocument({ ...documentChecks(), ...similarity('high') }),
      selfie: selfieFound(selfieCapture.face),
    }),
    media: frontAndSelfie,
  },
  {
    id: 'signicatpictureid-rejected-underage-not-found',
    description: 'The notUnderage check is missing, so the age cannot be validated.',
    raw: raw({
      status: 'COMPLETED',
      document: {
        subject: { signature: box(260, 447, 278, 107) },
        securityChecks: verdicts(['notTamperedDocument', 'notBlackAndWhite', 'dataIntegrity'], ['dataIntegrity']),
      },
    }),
    media: front,
  },
  {
    id: 'signicatpictureid-rejected-document-number',
    description: 'Image quality too poor to extract the document number.',
    raw: raw({
      status: 'COMPLETED',
      document: {
        subject: { photo: box(45, 172, 84, 108), signature: box(391, 283, 210, 51) },
        securityChecks: verdicts(
          ['notTamperedDocument', 'notBlackAndWhite', 'dataIntegrity'],
          ['notTamperedDocument', 'dataIntegrity'],
        ),
      },
    }),
    media: front,
  },
  {
    id: 'signicatpictureid-rejected-expired',
    description: 'The nonExpired security check fails.',
    raw: failingCheck('nonExpired'),
    media: front,
  },
  {
    id: 'signicatpictureid-rejected-tampered',
    description: 'The notTamperedDocument security check fails.',
    raw: failingCheck('notTamperedDocument'),
    media: front,
  },
  {
    id: 'signicatpictureid-rejected-black-and-white',
    description: 'The notBlackAndWhite security check fails: a black and white copy.',
    raw: failingCheck('notBlackAndWhite'),
    media: front,
  },
  {
    id: 'signicatpictureid-rejected-data-integrity',
    description: 'The dataIntegrity security check fails: MRZ check digits do not match.',
    raw: failingCheck('dataIntegrity'),
    media: front,
  },
  {
    id: 'signicatpictureid-rejected-underage',
    description: 'The notUnderage security check fails: the holder is a minor.',
    raw: raw({
      status: 'COMPLETED',
      document: minorSpecimen,
    }),
    media: front,
  },
  {
    id: 'signicatpictureid-rejected-sides-mismatch',
    description: 'The sidesMatch security check fails: front and back belong to different cards.',
    raw: raw({
      status: 'COMPLETED',
      document: dutchSpecimen(
        documentCapture.photo,
        documentCapture.signature,
        verdicts([...documentCheckNames, 'sidesMatch'], ['sidesMatch']),
      ),
    }),
    media: frontAndBack,
  },
  {
    id: 'signicatpictureid-rejected-face-spoofing',
    description: 'The notFaceSpoofing security check fails: the selfie is a photo of a photo.',
    processTypes: withSelfie,
    raw: raw({
      status: 'COMPLETED',
      document: dutchSpecimen(selfieCapture.photo, selfieCapture.signature, {
        ...verdicts([...documentCheckNames, 'notFaceSpoofing'], ['notFaceSpoofing']),
        ...similarity('high'),
      }),
      selfie: selfieFound(selfieCapture.face),
    }),
    media: frontAndSelfie,
  },
  {
    id: 'signicatpictureid-rejected-similarity-very-low',
    description: 'The selfie is very unlikely the person on the document (veryLow).',
    processTypes: withSelfie,
    raw: selfieMatch('veryLow'),
    media: frontAndSelfie,
  },
  {
    id: 'signicatpictureid-rejected-similarity-low',
    description: 'The selfie is probably not the person on the document (low).',
    processTypes: withSelfie,
    raw: selfieMatch('low'),
    media: frontAndSelfie,
  },
  {
    id: 'signicatpictureid-rejected-similarity-medium',
    description: 'The selfie is probably the person on the document (medium): below the high level required.',
    processTypes: withSelfie,
    raw: selfieMatch('medium'),
    media: frontAndSelfie,
  },
  {
    id: 'signicatpictureid-rejected-no-face',
    description: 'No face was found in the selfie, so there is no face comparison.',
    processTypes: withSelfie,
    raw: raw({
      status: 'COMPLETED',
      document: dutchSpecimen(lowMatchCapture.photo, lowMatchCapture.signature, documentChecks()),
      selfie: { status: 'NO_FACE_DETECTED' },
    }),
    media: frontAndSelfie,
  },
  {
    id: 'signicatpictureid-failed-expired',
    description: 'The end-user took longer than the 15 minutes a transaction lasts.',
    raw: raw({ status: 'EXPIRED', detail: 'Transaction time expired.' }),
    media: front,
  },
  {
    id: 'signicatpictureid-failed-upload',
    description: 'The images could not be handed to PictureID.',
    raw: raw({ status: 'FAILED', error: { type: 'upload_failed', message: 'ERROR: signicatpictureid uploadImage()' } }),
  },
  {
    id: 'signicatpictureid-canceled',
    description: 'The end-user canceled the capture.',
    raw: raw({ status: 'CANCELED' }),
  },
];
