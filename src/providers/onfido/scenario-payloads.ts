import type { Breakdown, CheckResult, DocumentProperties, DocumentReport, FacialSimilarityReport } from './raw.js';

/**
 * Raw Onfido payloads for the sandbox scenarios, written as Onfido sends them. The identities and
 * verdicts are those of upstream's documented examples, so the examples come out of the real mapping.
 */

const applicantId = '9a7a2a3e-5f0c-4b8e-8d7e-2f4b1c6d0e31';

export function check(status: CheckResult['check']['status'], reports: CheckResult['reports']): CheckResult {
  const result =
    status === 'complete' ? (Object.values(reports).every((r) => r?.result === 'clear') ? 'clear' : 'consider') : null;
  return {
    applicant_id: applicantId,
    check: { id: 'c3f1e0d2-8b7a-4c69-9e5d-0a1b2c3d4e5f', status, result, created_at: '2024-12-26T15:40:55Z' },
    reports,
  };
}

export const clear = (): Breakdown => ({ result: 'clear' });
export const consider = (): Breakdown => ({ result: 'consider' });
/** A breakdown Onfido did not run for this document, with the sub-breakdowns it would have used. */
const notRun = (...names: string[]): Breakdown => ({
  result: null,
  breakdown: Object.fromEntries(names.map((name) => [name, { result: null, properties: {} }])),
});
const sub = (result: 'clear' | 'consider' | null, properties: Record<string, unknown> = {}) => ({ result, properties });

/** Every document breakdown with a verdict came back clear (no sub-breakdowns, as in older reports). */
export const allClear = (): NonNullable<DocumentReport['breakdown']> => ({
  age_validation: clear(),
  compromised_document: clear(),
  data_comparison: clear(),
  data_consistency: clear(),
  data_validation: clear(),
  image_integrity: clear(),
  police_record: clear(),
  visual_authenticity: clear(),
});

export function documentReport(report: Omit<DocumentReport, 'id' | 'status'>): DocumentReport {
  return { id: 'd5b2c1a0-7e6f-4d3c-8b9a-1f2e3d4c5b6a', status: 'complete', ...report };
}

export function faceReport(report: Omit<FacialSimilarityReport, 'id' | 'status'>): FacialSimilarityReport {
  return { id: 'f8e7d6c5-b4a3-4291-8f7e-6d5c4b3a2918', status: 'complete', ...report };
}

/** The Portuguese identity card of upstream's accepted example. */
export const portugueseIdCard: DocumentProperties = {
  first_name: 'MARIA PAULA',
  last_name: 'SANTOS MENDES',
  gender: 'Female',
  nationality: 'PRT',
  date_of_birth: '2002-04-29',
  document_type: 'national_identity_card',
  document_numbers: [{ type: 'document_number', value: '1234567890' }],
  date_of_expiry: '2020-07-08',
  issuing_country: 'PRT',
  mrz_line1: 'I<PRT122336694<ZY42<<<<<<<<<<<',
  mrz_line2: '8302304F21207081PRT<<<<<<<<<<<6',
};

/** The Norwegian specimen passport of upstream's inconclusive example. */
export const norwegianSpecimenPassport: DocumentProperties = {
  first_name: 'LAERKE OEYVOR AASE',
  last_name: 'SPECIMEN',
  gender: 'Female',
  nationality: 'NOR',
  date_of_birth: '2002-04-29',
  document_type: 'passport',
  document_numbers: [{ type: 'document_number', value: '00000000' }],
  date_of_expiry: '2024-11-01',
  issuing_country: 'NOR',
  mrz_line1: 'PVNORSPECIMEN<<LAERKE<OEYVOR<AASE<<<<<<<<<<<',
  mrz_line2: '00000000<0NOR7505319F24110154197505311234586',
};

/** The Portuguese driving licence of upstream's document-only example. */
export const portugueseDrivingLicence: DocumentProperties = {
  first_name: 'JOHN PHILIP',
  last_name: 'SMITH',
  date_of_birth: '1986-07-24',
  place_of_birth: 'LISBON',
  document_type: 'driving_licence',
  document_numbers: [
    { type: 'document_number', value: 'C1234567' },
    { type: 'personal_number', value: '111111111' },
  ],
  issuing_date: '2018-07-14',
  issuing_country: 'PRT',
  drivers_licence: true,
  restricted_licence: false,
  raw_vehicle_classes: 'A1,A2,A,B1,B',
  vehicle_class_details: [
    { category: 'A1', obtainment_date: '2002-10-14', expiry_date: '2036-07-23' },
    { category: 'A2', obtainment_date: '2018-07-11', expiry_date: '2033-07-14' },
    { category: 'A', obtainment_date: '2018-07-11', expiry_date: '2033-07-14' },
    { category: 'B1', obtainment_date: '2004-10-07', expiry_date: '2036-07-23' },
    { category: 'B', obtainment_date: '2004-10-07', expiry_date: '2036-07-23' },
  ],
  manual_transmission_restriction: false,
  passenger_vehicle: { obtainment_date: '2004-10-07', expiry_date: '2036-07-23' },
};

/** A current report's breakdowns with their sub-breakdowns, for a licence without MRZ or chip. */
export const drivingLicenceBreakdown: NonNullable<DocumentReport['breakdown']> = {
  issuing_authority: notRun('nfc_active_authentication', 'nfc_passive_authentication'),
  image_integrity: {
    result: 'clear',
    breakdown: {
      supported_document: sub('clear', {
        onfido_supported_document: 'clear',
        custom_supported_document: 'clear',
        issuing_country_subject_to_sanctions: 'clear',
      }),
      colour_picture: sub('clear'),
      image_quality: sub('clear'),
      conclusive_document_quality: sub('clear', {
        corner_removed: 'clear',
        abnormal_document_features: 'clear',
        obscured_security_features: 'clear',
        watermarks_digital_text_overlay: 'clear',
        punctured_document: 'clear',
        obscured_data_points: 'clear',
        missing_back: 'clear',
        digital_document: 'clear',
      }),
    },
  },
  data_consistency: notRun(
    'date_of_expiry',
    'last_name',
    'first_name',
    'nationality',
    'gender',
    'multiple_data_sources_present',
    'document_type',
    'issuing_country',
    'date_of_birth',
    'document_numbers',
  ),
  data_comparison: notRun(
    'date_of_expiry',
    'last_name',
    'first_name',
    'gender',
    'document_type',
    'issuing_country',
    'date_of_birth',
    'document_numbers',
  ),
  age_validation: { result: 'clear', breakdown: { minimum_accepted_age: sub('clear') } },
  police_record: { result: null },
  data_validation: {
    result: 'clear',
    breakdown: {
      expiry_date: sub(null),
      mrz: sub(null),
      gender: sub(null),
      date_of_birth: sub('clear'),
      document_expiration: sub(null),
      barcode: sub(null),
      document_numbers: sub('clear', { document_number: 'clear' }),
    },
  },
  visual_authenticity: {
    result: 'clear',
    breakdown: {
      face_detection: sub('clear'),
      template: sub('clear'),
      picture_face_integrity: sub('clear'),
      other: sub('clear'),
      security_features: sub('clear'),
      fonts: sub('clear'),
      original_document_present: sub('clear', {
        scan: 'clear',
        screenshot: 'clear',
        photo_of_screen: 'clear',
        document_on_printed_paper: 'clear',
      }),
      digital_tampering: sub('clear'),
    },
  },
  compromised_document: {
    result: 'clear',
    breakdown: { document_database: sub('clear'), repeat_attempts: sub(null) },
  },
};

/** A live video report: the person is real, alive, and the one on the document. */
export const liveVideoMatch = (score: number, liveness: 'clear' | 'consider' = 'clear'): FacialSimilarityReport =>
  faceReport({
    result: liveness,
    breakdown: {
      face_comparison: { result: 'clear', breakdown: { face_match: sub('clear', { score }) } },
      image_integrity: { result: 'clear', breakdown: { face_detected: sub('clear'), source_integrity: sub('clear') } },
      visual_authenticity: {
        result: liveness,
        breakdown: { liveness_detected: sub(liveness), spoofing_detection: sub(liveness) },
      },
    },
    properties: { score },
  });
