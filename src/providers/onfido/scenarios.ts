import type { Scenario } from '../types.js';
import {
  allClear,
  check,
  clear,
  consider,
  documentReport,
  drivingLicenceBreakdown,
  faceReport,
  liveVideoMatch,
  norwegianSpecimenPassport,
  portugueseDrivingLicence,
  portugueseIdCard,
} from './scenario-payloads.js';

const clearDocument = documentReport({
  result: 'clear',
  sub_result: 'clear',
  breakdown: allClear(),
  properties: portugueseIdCard,
});

const matchingSelfie = faceReport({
  result: 'clear',
  breakdown: { face_comparison: clear(), image_integrity: clear(), visual_authenticity: clear() },
  properties: { score: 0.86 },
});

const withSelfie = { depictions: ['front', 'back', 'selfie'] } as const;
const documentOnly = { depictions: ['front', 'back'] } as const;

/** Onfido sandbox outcomes; the first is the plain accepted one. */
export const scenarios: readonly Scenario[] = [
  {
    id: 'onfido-accepted',
    description: 'Identity card clear on every check and, with a selfie, the faces match: accepted.',
    processTypes: ['document', 'documentSelfie'],
    raw: check('complete', { document: clearDocument, facial_similarity_photo: matchingSelfie }),
    media: withSelfie,
  },
  {
    id: 'onfido-accepted-video',
    description: 'Identity card clear, and the live video shows the real holder: accepted.',
    processTypes: ['documentVideo'],
    raw: check('complete', { document: clearDocument, facial_similarity_video: liveVideoMatch(0.91) }),
    media: { depictions: ['front', 'back'], video: true },
  },
  {
    id: 'onfido-accepted-driving-licence',
    description: 'Document-only check of a driving licence, with licence categories and sub-breakdowns: accepted.',
    processTypes: ['document'],
    raw: check('complete', {
      document: documentReport({
        result: 'clear',
        sub_result: 'clear',
        breakdown: drivingLicenceBreakdown,
        properties: portugueseDrivingLicence,
      }),
    }),
    media: documentOnly,
  },
  {
    id: 'onfido-inconclusive-suspected-document',
    description: 'Passport suspected to be fraudulent (sub-result suspected): inconclusive, whatever the faces say.',
    processTypes: ['document', 'documentSelfie'],
    raw: check('complete', {
      document: documentReport({ result: 'consider', sub_result: 'suspected', properties: norwegianSpecimenPassport }),
      facial_similarity_photo: faceReport({ result: 'consider', properties: { score: 0.8 } }),
    }),
    media: withSelfie,
  },
  {
    id: 'onfido-inconclusive-suspected-document-mrz3',
    description: 'Suspected document read with a three-line ID-card MRZ: inconclusive.',
    processTypes: ['document', 'documentSelfie'],
    raw: check('complete', {
      document: documentReport({
        result: 'consider',
        sub_result: 'suspected',
        properties: {
          ...norwegianSpecimenPassport,
          mrz_line1: 'I<NLDSPECI20212<<<<<<<<<<<<<<<',
          mrz_line2: '6503101F3108022NLD<<<<<<<<<<<8',
          mrz_line3: 'DE<BRUIJN<<WILLEKE<LISELOTTE<<',
        },
      }),
      facial_similarity_photo: faceReport({ result: 'consider', properties: { score: 0.8 } }),
    }),
    media: withSelfie,
  },
  {
    id: 'onfido-inconclusive-caution',
    description: 'Document valid but Onfido cautions (the applicant data differs from the document): inconclusive.',
    processTypes: ['document', 'documentSelfie'],
    raw: check('complete', {
      document: documentReport({
        result: 'consider',
        sub_result: 'caution',
        breakdown: { ...allClear(), data_comparison: consider() },
        properties: portugueseIdCard,
      }),
      facial_similarity_photo: matchingSelfie,
    }),
    media: withSelfie,
  },
  {
    id: 'onfido-inconclusive-faces-do-not-match',
    description: 'Document clear but the selfie is not the face on the document: inconclusive.',
    processTypes: ['documentSelfie'],
    raw: check('complete', {
      document: clearDocument,
      facial_similarity_photo: faceReport({
        result: 'consider',
        breakdown: {
          face_comparison: {
            result: 'consider',
            breakdown: { face_match: { result: 'consider', properties: { score: 0.21 } } },
          },
          image_integrity: clear(),
          visual_authenticity: clear(),
        },
        properties: { score: 0.21 },
      }),
    }),
    media: withSelfie,
  },
  {
    id: 'onfido-inconclusive-liveness-not-detected',
    description: 'Document clear but no live person was detected in the video: inconclusive.',
    processTypes: ['documentVideo'],
    raw: check('complete', { document: clearDocument, facial_similarity_video: liveVideoMatch(0.88, 'consider') }),
    media: { depictions: ['front', 'back'], video: true },
  },
  {
    id: 'onfido-rejected-unknown-document',
    description: 'Onfido could not classify the document (sub-result rejected): rejected.',
    processTypes: ['document', 'documentSelfie'],
    raw: check('complete', {
      document: documentReport({ result: 'consider', sub_result: 'rejected', breakdown: {}, properties: {} }),
      facial_similarity_photo: faceReport({ result: 'consider', properties: { score: 0.62 } }),
    }),
    media: withSelfie,
  },
  {
    id: 'onfido-rejected-underage',
    description: 'Holder below the minimum accepted age (age validation consider): rejected.',
    processTypes: ['document', 'documentSelfie'],
    raw: check('complete', {
      document: documentReport({
        result: 'consider',
        sub_result: 'caution',
        breakdown: { ...allClear(), age_validation: consider() },
        properties: { ...portugueseIdCard, date_of_birth: '2013-04-29', date_of_expiry: '2031-07-08' },
      }),
      facial_similarity_photo: matchingSelfie,
    }),
    media: withSelfie,
  },
  {
    id: 'onfido-rejected-poor-image-quality',
    description: 'Document images too poor to verify (image integrity consider): rejected.',
    processTypes: ['document', 'documentSelfie'],
    raw: check('complete', {
      document: documentReport({
        result: 'consider',
        sub_result: 'rejected',
        breakdown: {
          image_integrity: {
            result: 'consider',
            breakdown: { image_quality: { result: 'consider', properties: {} } },
          },
        },
        properties: {},
      }),
      facial_similarity_photo: matchingSelfie,
    }),
    media: withSelfie,
  },
  {
    id: 'onfido-canceled',
    description: 'The check was withdrawn before Onfido finished any report: canceled.',
    raw: check('withdrawn', {}),
    media: { depictions: [] },
  },
  {
    id: 'onfido-canceled-before-check',
    description: 'The end-user left the Onfido SDK before a check was created: canceled, nothing to report.',
    raw: { applicant_id: '9a7a2a3e-5f0c-4b8e-8d7e-2f4b1c6d0e31', user_exit: { code: 'USER_CONSENT_DENIED' } },
    media: { depictions: [] },
  },
  {
    id: 'onfido-failed-multiple-faces',
    description: 'Onfido refused the uploaded selfie because it shows several faces: failed (upload_failed).',
    raw: {
      applicant_id: '9a7a2a3e-5f0c-4b8e-8d7e-2f4b1c6d0e31',
      api_error: {
        stage: 'upload',
        status_code: 422,
        error: {
          type: 'validation_error',
          message: 'There was a validation error on this request',
          fields: {
            face_detection: [
              'Multiple faces in image. Please note this validation can be disabled by setting the advanced_validation parameter to false.',
            ],
          },
        },
      },
    },
    media: { depictions: [] },
  },
  {
    id: 'onfido-failed-expired-token',
    description: 'The SDK token expired before the end-user finished: failed (expired_token).',
    raw: {
      applicant_id: '9a7a2a3e-5f0c-4b8e-8d7e-2f4b1c6d0e31',
      sdk_error: { type: 'expired_token', message: 'The SDK token has expired; create a new process to start again.' },
    },
    media: { depictions: [] },
  },
];
