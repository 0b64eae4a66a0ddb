import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, today } from '../../../test/support/provider-examples.js';
import { signicatpictureid } from './definition.js';
import { mapResult } from './mapping.js';
import type { PictureIdDocument } from './raw.js';
import { box, documentChecks, dutchSpecimen, similarity, verdicts, type CheckName } from './sandbox-documents.js';

describeUpstreamExamples(signicatpictureid);

const asDocument = { processType: 'document', today };
const asDocumentSelfie = { processType: 'documentSelfie', today };
const completed = (document: PictureIdDocument) => ({ status: 'COMPLETED', document });
const specimen = (securityChecks: PictureIdDocument['securityChecks']) =>
  dutchSpecimen(box(1, 2, 3, 4), box(5, 6, 7, 8), securityChecks);
const matching = (level: 'veryLow' | 'low' | 'medium' | 'high') =>
  completed(specimen({ ...documentChecks(), ...similarity(level) }));

describe('signicatpictureid mapping', () => {
  it('accepts a documentSelfie process with a normalised finalResult and the similarity score', () => {
    const document = specimen({ ...documentChecks(), ...similarity('high') });
    const raw = completed({
      ...document,
      dateOfExpiry: '30.08.2031',
      dateOfIssue: '2021-08-30',
      subject: { ...document.subject, gender: 'female', nationality: 'NL', placeOfBirth: 'Amsterdam' },
    });
    const outcome = mapResult(raw, asDocumentSelfie);
    expect(outcome.status).toBe('accepted');
    expect(outcome.statusReasons).toBeUndefined();
    expect(outcome.finalResult).toEqual({
      firstName: 'WILLEKE LISELOTTE',
      lastName: 'DE BRUIJN',
      dateOfExpiry: '2031-08-30',
      dateOfBirth: '1965-03-10',
      gender: 'F',
      nationality: 'NLD',
      documentNumber: 'SPECI2021',
      issuingCountry: 'NLD',
      dateOfIssue: '2021-08-30',
      placeOfBirth: 'Amsterdam',
      similarityScore: 'high',
      personalIdentificationNumber: '999999990',
    });
  });

  it('accepts a document process without a similarity score, whatever the face comparison says', () => {
    const outcome = mapResult(matching('veryLow'), asDocument);
    expect(outcome.status).toBe('accepted');
    expect(outcome.finalResult).not.toHaveProperty('similarityScore');
  });

  const unreadable = (checks: PictureIdDocument['securityChecks']) =>
    completed({ ...specimen(checks), documentNumber: undefined });
  const reasonOf = (raw: unknown) => mapResult(raw, asDocument).statusReasons;
  const imageQuality = [expect.objectContaining({ type: 'Document', category: 'ImageQuality' })];
  const underage = [expect.objectContaining({ category: 'Security', subCategory: 'NotUnderage' })];

  it('rejects an unreadable document number as image quality, without finalResult', () => {
    for (const documentNumber of [undefined, '', '  ']) {
      const outcome = mapResult(completed({ ...specimen(documentChecks()), documentNumber }), asDocument);
      expect(outcome.status).toBe('rejected');
      expect(outcome.statusReasons).toEqual(imageQuality);
      expect(outcome.finalResult).toBeUndefined();
    }
  });

  it('reports image quality first when the document can be neither read nor trusted (tamper check failed)', () => {
    expect(reasonOf(unreadable(verdicts(['notTamperedDocument', 'dataIntegrity'], ['notTamperedDocument'])))).toEqual(
      imageQuality,
    );
  });

  it('reports a missing notUnderage check before an unreadable number when the tamper check passed', () => {
    expect(reasonOf(unreadable(verdicts(['notTamperedDocument', 'dataIntegrity'], ['dataIntegrity'])))).toEqual(
      underage,
    );
  });

  it('reports an unreadable number before the other failed checks', () => {
    expect(reasonOf(unreadable(documentChecks(['dataIntegrity', 'nonExpired'])))).toEqual(imageQuality);
  });

  it.each([
    ['missing', verdicts(['notTamperedDocument', 'nonExpired', 'dataIntegrity'], ['dataIntegrity'])],
    ['failed', documentChecks(['notUnderage', 'dataIntegrity'])],
  ])('rejects a %s notUnderage check before failed checks', (_name, checks) => {
    expect(mapResult(completed(specimen(checks)), asDocument).statusReasons).toEqual([
      {
        type: 'Document',
        category: 'Security',
        subCategory: 'NotUnderage',
        message: "Security check 'notUnderage' failed or was not found.",
      },
    ]);
  });

  it.each<[CheckName, string]>([
    ['notTamperedDocument', 'NotTamperedDocument'],
    ['nonExpired', 'NonExpired'],
    ['notBlackAndWhite', 'NotBlackAndWhite'],
    ['dataIntegrity', 'DataIntegrity'],
    ['sidesMatch', 'SidesMatch'],
    ['notFaceSpoofing', 'NotFaceSpoofing'],
  ])('rejects a failed %s check with its reason', (check, subCategory) => {
    const checks = { ...verdicts(['notUnderage', check], [check]), ...similarity('high') };
    for (const context of [asDocument, asDocumentSelfie]) {
      const outcome = mapResult(completed(specimen(checks)), context);
      expect(outcome.status).toBe('rejected');
      expect(outcome.statusReasons).toEqual([
        {
          type: 'Document',
          category: 'SecurityCheckFailed',
          subCategory,
          message: `Security check '${check}' failed.`,
        },
      ]);
    }
  });

  it('reports only the first failed check, in a fixed order', () => {
    const outcome = mapResult(
      completed(specimen(documentChecks(['dataIntegrity', 'notTamperedDocument']))),
      asDocument,
    );
    expect(outcome.statusReasons).toHaveLength(1);
    expect(outcome.statusReasons?.[0]?.subCategory).toBe('NotTamperedDocument');
  });

  it('rejects a failed check it does not know by name', () => {
    const checks = { ...documentChecks(), hologramPresent: { name: 'Hologram present', passed: false } };
    expect(mapResult(completed(specimen(checks)), asDocument).statusReasons?.[0]).toMatchObject({
      subCategory: 'HologramPresent',
      message: "Security check 'hologramPresent' failed.",
    });
  });

  it.each(['veryLow', 'low', 'medium'] as const)('rejects a documentSelfie similarity of %s', (level) => {
    expect(mapResult(matching(level), asDocumentSelfie)).toMatchObject({
      status: 'rejected',
      statusReasons: [{ type: 'Biometrics', category: 'SimilarityLevel', message: `Similarity level is '${level}'.` }],
    });
  });

  it('accepts a documentSelfie similarity of high', () => {
    expect(mapResult(matching('high'), asDocumentSelfie).status).toBe('accepted');
  });

  it('rejects a documentSelfie process without a face comparison', () => {
    const outcome = mapResult(
      { ...completed(specimen(documentChecks())), selfie: { status: 'NO_FACE_DETECTED' } },
      asDocumentSelfie,
    );
    expect(outcome.status).toBe('rejected');
    expect(outcome.statusReasons?.[0]).toMatchObject({ type: 'Biometrics', category: 'SimilarityLevel' });
  });

  it('requires the face comparison when the process type is unknown (documentSelfie is the default)', () => {
    expect(mapResult(completed(specimen(documentChecks())), { processType: null, today }).status).toBe('rejected');
  });

  it('keeps only documented fields in providerSpecific', () => {
    const document = { ...specimen(documentChecks()), vendorInternalScore: 0.93 };
    const raw = { ...completed(document), selfie: { status: 'SUCCESS', x: 1, y: 2, width: 3, height: 4, debug: true } };
    const providerSpecific = mapResult(raw, asDocument).providerSpecific as { document: object; selfie: object };
    expect(providerSpecific.document).not.toHaveProperty('vendorInternalScore');
    expect(providerSpecific.selfie).toEqual({ status: 'SUCCESS', x: 1, y: 2, width: 3, height: 4 });
    expect(raw.document).toHaveProperty('vendorInternalScore');
  });

  it('fails an expired transaction with the detail as failReason', () => {
    expect(mapResult({ status: 'EXPIRED', detail: 'Transaction time expired.' }, asDocument)).toEqual({
      status: 'failed',
      failReason: { detail: 'Transaction time expired.' },
    });
  });

  it('fails a transaction the images could not be handed to', () => {
    const error = { type: 'upload_failed', message: 'ERROR: signicatpictureid uploadImage()' };
    expect(mapResult({ status: 'FAILED', error }, asDocument)).toEqual({ status: 'failed', failReason: error });
  });

  it('cancels with nothing else', () => {
    expect(mapResult({ status: 'CANCELED' }, asDocumentSelfie)).toEqual({ status: 'canceled' });
  });

  it.each([
    ['a completed transaction without security checks', { status: 'COMPLETED', document: {} }],
    [
      'an unknown similarity level',
      {
        status: 'COMPLETED',
        document: { securityChecks: { selfieAndDocumentMatch: { name: 'x', similarityLevel: 'top' } } },
      },
    ],
    [
      'a non-boolean verdict',
      { status: 'COMPLETED', document: { securityChecks: { nonExpired: { name: 'x', passed: 'yes' } } } },
    ],
    ['a box with fractional pixels', { ...matching('high'), selfie: { status: 'SUCCESS', x: 1.5 } }],
    ['an unknown transaction status', { status: 'PENDING' }],
  ])('fails on %s', (_name, raw) => {
    expect(mapResult(raw, asDocument)).toMatchObject({
      status: 'failed',
      failReason: { type: 'InvalidProviderResult' },
    });
  });
});
