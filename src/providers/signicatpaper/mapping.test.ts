import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, today } from '../../../test/support/provider-examples.js';
import { signicatpaper } from './definition.js';
import { mapResult } from './mapping.js';
import type { PaperDocumentResult } from './raw.js';

describeUpstreamExamples(signicatpaper);

const context = { processType: null, today };
const map = (raw: unknown) => mapResult(raw, context);

const mrz = {
  first_name: 'Anna',
  last_name: 'Schmidt',
  date_of_expiry: '20310101',
  nationality: 'D',
  gender: 'FEMALE',
  document_type: 'identityCard',
  issuing_country: 'DE',
  document_number: 'L01X00T47',
  date_of_birth: '12.08.1983',
};
const checksums = { document_number: 'VALID', date_of_birth: 'VALID', date_of_expiry: 'VALID' };

function read(overrides: Partial<PaperDocumentResult> = {}): PaperDocumentResult {
  return {
    verification: { type: 'MRZ_FEATURE_COMPARISON', status: true },
    features: { first_name: 'Anna', last_name: 'Schmidt' },
    mrz,
    mrz_checksum: checksums,
    mrz_verification: { date_of_expiry: 'VALID', issuing_country: 'VALID' },
    ...overrides,
  };
}

describe('signicatpaper mapping', () => {
  it('accepts a read and verified document with a normalised finalResult from the MRZ', () => {
    const outcome = map(read());
    expect(outcome.status).toBe('accepted');
    expect(outcome.finalResult).toEqual({
      firstName: 'Anna',
      lastName: 'Schmidt',
      dateOfExpiry: '2031-01-01',
      gender: 'F',
      nationality: 'DEU',
      documentType: 'identityCard',
      documentNumber: 'L01X00T47',
      issuingCountry: 'DEU',
      dateOfBirth: '1983-08-12',
    });
  });

  it('takes the expiry verdict from the vendor, not from today', () => {
    const expiredLongAgo = read({ mrz: { ...mrz, date_of_expiry: '2001-01-01' } });
    expect(mapResult(expiredLongAgo, { processType: null, today: '2030-01-01' }).status).toBe('accepted');
  });

  it('rejects on a failed verification status, listing the errors, and still gives the finalResult', () => {
    const errors = ['Invalid date_of_expiry: NOT in the future, value 2016-10-20'];
    const outcome = map(
      read({
        verification: { type: 'MRZ_ONLY', status: false },
        features: undefined,
        mrz_verification: { date_of_expiry: 'INVALID' },
        errors,
      }),
    );
    expect(outcome.status).toBe('rejected');
    expect(outcome.providerSpecific?.errors).toEqual(errors);
    expect(outcome.finalResult).toMatchObject({ documentNumber: 'L01X00T47' });
  });

  it('rejects on an error even when the vendor status is true', () => {
    expect(map(read({ errors: ['Invalid issuing_country: value XXX'] })).status).toBe('rejected');
  });

  it('rejects on an invalid MRZ checksum even when the vendor status is true', () => {
    expect(map(read({ mrz_checksum: { ...checksums, document_number: 'INVALID' } })).status).toBe('rejected');
  });

  it('rejects when an MRZ value could not be verified (MISSING, PARSED, FOUND)', () => {
    for (const check of ['MISSING', 'PARSED', 'FOUND']) {
      expect(map(read({ mrz_verification: { date_of_birth: check } })).status, check).toBe('rejected');
    }
  });

  it('ignores how closely the text fields match the MRZ', () => {
    const matching = { last_name: 'LEVENSHTEIN2', date_of_issue: 'FOUND', driving_permits: 'MISSING' };
    expect(map(read({ mrz_feature_matching: matching })).status).toBe('accepted');
  });

  describe('documents without MRZ (FEATURES_ONLY)', () => {
    const featuresOnly = (overrides: Partial<PaperDocumentResult> = {}) =>
      read({
        verification: { type: 'FEATURES_ONLY', status: true },
        mrz: undefined,
        mrz_checksum: undefined,
        mrz_verification: undefined,
        features_verification: { date_of_expiry: 'MISSING', last_name: 'FOUND', date_of_birth: 'VALID' },
        ...overrides,
      });

    it('are inconclusive, without finalResult, when their text fields are valid: never accepted', () => {
      const outcome = map(featuresOnly());
      expect(outcome.status).toBe('inconclusive');
      expect(outcome.finalResult).toBeUndefined();
    });

    it('are rejected when a text field is invalid', () => {
      expect(map(featuresOnly({ features_verification: { date_of_expiry: 'INVALID' } })).status).toBe('rejected');
    });

    it('are rejected when the vendor reports errors', () => {
      const outcome = map(featuresOnly({ verification: { type: 'FEATURES_ONLY', status: false }, errors: ['x'] }));
      expect(outcome.status).toBe('rejected');
      expect(outcome.finalResult).toBeUndefined();
    });

    it('never take a finalResult from a stray MRZ section', () => {
      expect(map(featuresOnly({ mrz })).finalResult).toBeUndefined();
    });
  });

  it("renames the vendor's sections and fields as upstream shows them", () => {
    const outcome = map(
      read({
        features: { first_name: 'Anna', 'qrcode.personal_number': '999999990' },
        mrz_feature_matching: { driving_permits: 'MISSING', date_of_birth: 'FULL_MATCH' },
        features_verification: { driving_permits: 'FOUND' },
        redaction_result: { is_partial_redaction: true, is_full_redaction: false },
      }),
    );
    expect(outcome.providerSpecific).toMatchObject({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: 'true' },
      features: { firstName: 'Anna', 'qrcode.personal_number': '999999990' },
      mrz: { dateOfExpiry: '20310101', issuingCountry: 'DE' },
      mrzChecksum: { documentNumber: 'VALID' },
      mrzFeatureMatching: { driving_permits: 'MISSING', dateOfBirth: 'FULL_MATCH' },
      featuresVerification: { drivingPermits: 'FOUND' },
      redactionResult: { isPartialRedaction: true, isFullRedaction: false },
    });
  });

  it('maps a capture failure to failed with an empty providerSpecific', () => {
    const reason = { type: 'MicrophoneOrCameraPermissionDenied', message: 'No access to microphone/camera' };
    expect(map({ event: 'captureFailed', reason })).toEqual({
      status: 'failed',
      providerSpecific: {},
      failReason: reason,
    });
  });

  it('maps a capture cancel to canceled with nothing else', () => {
    expect(map({ event: 'captureCanceled' })).toEqual({ status: 'canceled' });
  });

  it.each([
    ['an MRZ result without mrz', read({ mrz: undefined })],
    ['a comparison without features', read({ features: undefined })],
    ['an unknown verification type', read({ verification: { type: 'NFC' as 'MRZ_ONLY', status: true } })],
    ['a string verification status', { ...read(), verification: { type: 'MRZ_ONLY', status: 'true' } }],
    ['a numeric field value', read({ mrz: { ...mrz, document_number: 42 as unknown as string } })],
  ])('fails on %s', (_name, raw) => {
    const outcome = map(raw);
    expect(outcome.status).toBe('failed');
    expect(outcome.failReason).toMatchObject({ type: 'InvalidProviderResult' });
  });
});
