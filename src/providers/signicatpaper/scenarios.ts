import type { Scenario } from '../types.js';
import type { CaptureFailed, PaperDocumentResult } from './raw.js';

const result = (value: PaperDocumentResult): PaperDocumentResult => value;
const allValid = (...names: string[]) => Object.fromEntries(names.map((name) => [name, 'VALID']));

/** Upstream's Portuguese passport specimen, as Paper reads it from the MRZ. */
const portuguesePassportMrz = {
  first_name: 'Maria Paula',
  last_name: 'Santos Mendes',
  date_of_expiry: '2020-10-15',
  nationality: 'PRT',
  gender: 'F',
  document_type: 'passport',
  issuing_country: 'PRT',
  document_number: '1234567890',
  date_of_birth: '2002-04-29',
  personal_number: '1234567890',
};

const portuguesePassportFeatures = {
  first_name: 'Maria Paula',
  last_name: 'Santos Mendes',
  date_of_expiry: '2020-10-15',
  issuing_authority: 'SEF SERV ESTR E FR0NTE1RAS',
  gender: 'F',
  document_number: '1234567890',
  date_of_birth: '2002-04-29',
  personal_number: '1234567890',
  date_of_issue: '2015-10-15',
};

const portugueseMatching = {
  date_of_expiry: 'FULL_MATCH',
  last_name: 'FULL_MATCH',
  issuing_authority: 'FOUND',
  first_name: 'FULL_MATCH',
  document_number: 'FULL_MATCH',
  date_of_birth: 'FULL_MATCH',
  driving_permits: 'MISSING',
  personal_number: 'LEVENSHTEIN1',
  date_of_issue: 'VALID',
};

const checksumsValid = allValid('date_of_expiry', 'document_number', 'date_of_birth', 'personal_number');
const mrzVerificationValid = allValid('date_of_expiry', 'document_type', 'issuing_country', 'date_of_birth');

/** Upstream's document without MRZ (a driving licence read from its text fields only). */
const licenceFeatures = {
  first_name: 'Maria Paula',
  last_name: 'Santos Mendes',
  issuing_authority: 'SEF SERV ESTR E FR0NTE1RAS',
  gender: 'UNEXPECTED_VALUE',
  document_number: '47 00 006492 4',
  date_of_birth: '2002-04-29',
  personal_number: '1234567890',
  date_of_issue: '2000-08-23',
};

const licenceVerification = {
  date_of_expiry: 'MISSING',
  last_name: 'FOUND',
  issuing_authority: 'FOUND',
  first_name: 'FOUND',
  document_number: 'FOUND',
  date_of_birth: 'VALID',
  driving_permits: 'FOUND',
  personal_number: 'FOUND',
  date_of_issue: 'VALID',
};

/** The Dutch identity card specimen, read on both sides. */
const dutchCardMrz = {
  first_name: 'Willeke Liselotte',
  last_name: 'De Bruijn',
  date_of_expiry: '2031-08-30',
  nationality: 'NLD',
  gender: 'F',
  document_type: 'identityCard',
  issuing_country: 'NLD',
  document_number: 'SPECI2021',
  date_of_birth: '1965-03-10',
  personal_number: '999999990',
};

const dutchCardFeatures = {
  first_name: 'Willeke Liselotte',
  last_name: 'De Bruijn',
  date_of_expiry: '2031-08-30',
  issuing_authority: 'Burg. van Stad',
  gender: 'F',
  document_number: 'SPECI2021',
  date_of_birth: '1965-03-10',
  personal_number: '999999990',
  date_of_issue: '2021-08-30',
};
const front = { depictions: ['front'] } as const;
const frontAndBack = { depictions: ['front', 'back'] } as const;

export const scenarios: readonly Scenario[] = [
  {
    id: 'signicatpaper-accepted',
    description: 'Passport read from MRZ and text fields; every check passes.',
    raw: result({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: true },
      features: portuguesePassportFeatures,
      mrz: portuguesePassportMrz,
      mrz_checksum: checksumsValid,
      mrz_verification: mrzVerificationValid,
      mrz_feature_matching: portugueseMatching,
    }),
    media: front,
  },
  {
    id: 'signicatpaper-accepted-mrz-only',
    description: 'Passport read from its MRZ only (documentCountry UNIV); every check passes.',
    raw: result({
      verification: { type: 'MRZ_ONLY', status: true },
      mrz: { ...portuguesePassportMrz, document_number: 'XY1101P52', date_of_expiry: '2031-10-20' },
      mrz_checksum: checksumsValid,
      mrz_verification: mrzVerificationValid,
    }),
    media: front,
  },
  {
    id: 'signicatpaper-accepted-redacted',
    description: 'Identity card read on both sides and accepted; every requested field was redacted.',
    raw: result({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: true },
      features: dutchCardFeatures,
      mrz: dutchCardMrz,
      mrz_checksum: checksumsValid,
      mrz_verification: mrzVerificationValid,
      mrz_feature_matching: {
        first_name: 'FULL_MATCH',
        last_name: 'FULL_MATCH',
        date_of_expiry: 'FULL_MATCH',
        document_number: 'FULL_MATCH',
        date_of_birth: 'FULL_MATCH',
        personal_number: 'FULL_MATCH',
        issuing_authority: 'FOUND',
        date_of_issue: 'VALID',
      },
      redaction_result: { is_partial_redaction: true, is_full_redaction: true },
    }),
    media: frontAndBack,
  },
  {
    id: 'signicatpaper-rejected-expired',
    description: 'Passport read from its MRZ but expired: the expiry verification fails.',
    raw: result({
      verification: { type: 'MRZ_ONLY', status: false },
      mrz: { ...portuguesePassportMrz, document_number: 'XY1101P52', date_of_expiry: '2016-10-20' },
      mrz_checksum: checksumsValid,
      mrz_verification: { ...mrzVerificationValid, date_of_expiry: 'INVALID' },
      errors: ['Invalid date_of_expiry: NOT in the future, value 2016-10-20'],
    }),
    media: front,
  },
  {
    id: 'signicatpaper-rejected-checksum',
    description: 'Passport whose MRZ document number fails its check digit.',
    raw: result({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: false },
      features: { ...portuguesePassportFeatures, date_of_expiry: '2031-10-15' },
      mrz: { ...portuguesePassportMrz, date_of_expiry: '2031-10-15', document_number: '1234567896' },
      mrz_checksum: { ...checksumsValid, document_number: 'INVALID' },
      mrz_verification: mrzVerificationValid,
      mrz_feature_matching: { ...portugueseMatching, document_number: 'LEVENSHTEIN1' },
      errors: ['Invalid document_number: checksum does NOT match, value 1234567896'],
    }),
    media: front,
  },
  {
    id: 'signicatpaper-inconclusive',
    description: 'Document without MRZ whose text fields are valid: never enough to accept.',
    raw: result({
      verification: { type: 'FEATURES_ONLY', status: true },
      features: licenceFeatures,
      features_verification: licenceVerification,
    }),
    media: frontAndBack,
  },
  {
    id: 'signicatpaper-rejected-features-invalid',
    description: 'Document without MRZ whose text fields are not valid (expired).',
    raw: result({
      verification: { type: 'FEATURES_ONLY', status: false },
      features: { ...licenceFeatures, date_of_expiry: '2019-08-22' },
      features_verification: { ...licenceVerification, date_of_expiry: 'INVALID' },
      errors: ['Invalid date_of_expiry: NOT in the future, value 2019-08-22'],
    }),
    media: frontAndBack,
  },
  {
    id: 'signicatpaper-failed',
    description: 'The end-user blocked the camera, so no document was read.',
    raw: {
      event: 'captureFailed',
      reason: { type: 'MicrophoneOrCameraPermissionDenied', message: 'No access to microphone/camera' },
    } satisfies CaptureFailed,
  },
  {
    id: 'signicatpaper-canceled',
    description: 'The end-user canceled the capture.',
    raw: { event: 'captureCanceled' },
  },
];
