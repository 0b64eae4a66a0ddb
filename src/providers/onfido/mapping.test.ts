import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, today } from '../../../test/support/provider-examples.js';
import { createResponse } from './create-response.js';
import { onfido } from './definition.js';
import { similarityScore } from './facial-similarity.js';
import { mapResult } from './mapping.js';
import type { CheckResult, DocumentReport, FacialSimilarityReport } from './raw.js';
import { allClear, check, clear, consider, documentReport, faceReport, portugueseIdCard } from './scenario-payloads.js';
import type { ProcessRecord } from '../../core/domain.js';

describeUpstreamExamples(onfido);

it('gives every sandbox scenario a well-formed raw result for each process type it applies to', () => {
  for (const scenario of onfido.scenarios) {
    for (const processType of scenario.processTypes ?? onfido.processTypes) {
      const outcome = mapResult(scenario.raw, { processType, today });
      expect(outcome.failReason?.type, `${scenario.id} as ${processType}`).not.toBe('InvalidProviderResult');
    }
  }
});

const map = (raw: unknown, processType: string | null = 'documentSelfie') => mapResult(raw, { processType, today });

const clearDocument = (overrides: Partial<DocumentReport> = {}) =>
  documentReport({
    result: 'clear',
    sub_result: 'clear',
    breakdown: allClear(),
    properties: portugueseIdCard,
    ...overrides,
  });
const matchingFace = (score = 0.9) =>
  faceReport({
    result: 'clear',
    breakdown: { face_comparison: clear(), image_integrity: clear(), visual_authenticity: clear() },
    properties: { score },
  });
const differentFace = () =>
  faceReport({
    result: 'consider',
    breakdown: { face_comparison: consider(), image_integrity: clear(), visual_authenticity: clear() },
    properties: { score: 0.2 },
  });
const selfieCheck = (document: DocumentReport, face: FacialSimilarityReport = matchingFace()) =>
  check('complete', { document, facial_similarity_photo: face });

describe('onfido status', () => {
  it('accepts a clear document whose faces match, with the similarity score in finalResult', () => {
    const outcome = map(selfieCheck(clearDocument()));
    expect(outcome.status).toBe('accepted');
    expect(outcome.finalResult).toMatchObject({ documentType: 'identityCard', similarityScore: 'high' });
  });

  it('is inconclusive when the document is clear but the faces do not match', () => {
    const outcome = map(selfieCheck(clearDocument(), differentFace()));
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.finalResult).toBeUndefined();
    expect(outcome.providerSpecific?.facialSimilarity).toEqual({
      result: 'consider',
      faceComparison: 'consider',
      imageIntegrity: 'clear',
      visualAuthenticity: 'clear',
      similarityScore: 'veryLow',
    });
  });

  it('is inconclusive when one face breakdown is consider even though the report says clear', () => {
    const face = faceReport({ ...matchingFace(), breakdown: { visual_authenticity: consider() } });
    expect(map(selfieCheck(clearDocument(), face)).status).toBe('inconclusive');
  });

  it('ignores facial similarity entirely for a document process', () => {
    const outcome = map(selfieCheck(clearDocument(), differentFace()), 'document');
    expect(outcome.status).toBe('accepted');
    expect(outcome.providerSpecific).not.toHaveProperty('facialSimilarity');
    expect(outcome.finalResult).not.toHaveProperty('similarityScore');
  });

  it('judges a documentVideo process on the video report, and fails without one', () => {
    const video = check('complete', { document: clearDocument(), facial_similarity_video: matchingFace(0.7) });
    expect(map(video, 'documentVideo')).toMatchObject({
      status: 'accepted',
      finalResult: { similarityScore: 'medium' },
    });
    const photoOnly = map(selfieCheck(clearDocument()), 'documentVideo');
    expect(photoOnly.status).toBe('failed');
    expect(photoOnly.failReason).toMatchObject({ type: 'InvalidProviderResult' });
  });

  it('is inconclusive for a suspected document even when the faces match', () => {
    const outcome = map(selfieCheck(clearDocument({ result: 'consider', sub_result: 'suspected' })));
    expect(outcome.status).toBe('inconclusive');
  });

  it('is inconclusive for a cautioned document', () => {
    const document = clearDocument({
      result: 'consider',
      sub_result: 'caution',
      breakdown: { data_comparison: consider() },
    });
    expect(map(selfieCheck(document)).status).toBe('inconclusive');
  });

  it('rejects a document whose sub-result is rejected, whatever the faces say', () => {
    const outcome = map(selfieCheck(clearDocument({ result: 'consider', sub_result: 'rejected' })));
    expect(outcome.status).toBe('rejected');
    expect(outcome.finalResult).toBeUndefined();
  });

  it('rejects a holder below the minimum age even where Onfido only cautions', () => {
    const document = clearDocument({
      result: 'consider',
      sub_result: 'caution',
      breakdown: { age_validation: consider() },
    });
    expect(map(selfieCheck(document)).status).toBe('rejected');
  });

  it('rejects images too poor to verify', () => {
    const document = clearDocument({
      result: 'consider',
      sub_result: 'caution',
      breakdown: { image_integrity: consider() },
    });
    expect(map(selfieCheck(document)).status).toBe('rejected');
  });

  it('rejects a document Onfido could not identify', () => {
    expect(map(selfieCheck(clearDocument({ result: 'unidentified', sub_result: null }))).status).toBe('rejected');
  });

  it('takes the worse of contradictory result and sub-result', () => {
    expect(map(selfieCheck(clearDocument({ result: 'consider', sub_result: 'clear' }))).status).toBe('inconclusive');
    expect(map(selfieCheck(clearDocument({ result: 'clear', sub_result: 'suspected' }))).status).toBe('inconclusive');
  });

  it('accepts an older report that has a clear result and no sub-result', () => {
    expect(map(selfieCheck(clearDocument({ sub_result: undefined }))).status).toBe('accepted');
  });
});

describe('onfido similarity score', () => {
  it.each([
    [1, 'high'],
    [0.7501, 'high'],
    [0.75, 'medium'],
    [0.5001, 'medium'],
    [0.5, 'low'],
    [0.2501, 'low'],
    [0.25, 'veryLow'],
    [0, 'veryLow'],
  ] as const)('bands %d as %s', (score, band) => {
    expect(similarityScore(score)).toBe(band);
  });

  it('falls back to the face_match sub-breakdown score', () => {
    const face = faceReport({
      result: 'clear',
      breakdown: {
        face_comparison: {
          result: 'clear',
          breakdown: { face_match: { result: 'clear', properties: { score: 0.6 } } },
        },
      },
    });
    expect(map(selfieCheck(clearDocument(), face)).providerSpecific?.facialSimilarity).toMatchObject({
      similarityScore: 'medium',
    });
  });
});

describe('onfido providerSpecific and finalResult', () => {
  it('normalises what Onfido extracted: M/F, alpha-3 countries, dates, Assure document types', () => {
    const properties = {
      ...portugueseIdCard,
      gender: 'Male',
      nationality: 'PT',
      issuing_country: 'prt',
      date_of_birth: '1990-01-31T00:00:00Z',
      document_type: 'residence_permit',
    };
    const outcome = map(selfieCheck(clearDocument({ properties })));
    expect(outcome.finalResult).toMatchObject({
      gender: 'M',
      nationality: 'PRT',
      issuingCountry: 'PRT',
      dateOfBirth: '1990-01-31',
      documentType: 'residencePermit',
    });
  });

  it('reports an unclassified document as unknown and leaves its type out of finalResult', () => {
    const outcome = map(selfieCheck(clearDocument({ properties: { ...portugueseIdCard, document_type: null } })));
    expect(outcome.providerSpecific?.documentVerification).toMatchObject({ documentType: 'unknown' });
    expect(outcome.finalResult).not.toHaveProperty('documentType');
  });

  it('leaves out values that cannot be normalised instead of guessing', () => {
    const properties = { ...portugueseIdCard, gender: 'X', date_of_birth: '31/02/1990', nationality: 'ZZZ' };
    const outcome = map(selfieCheck(clearDocument({ properties })));
    expect(outcome.finalResult).not.toHaveProperty('gender');
    expect(outcome.finalResult).not.toHaveProperty('dateOfBirth');
    expect(outcome.finalResult).not.toHaveProperty('nationality');
  });

  it('adds nested breakdowns, camelCased and without unrun checks, only when sub-breakdowns exist', () => {
    const flat = map(selfieCheck(clearDocument())).providerSpecific?.documentVerification;
    expect(flat).not.toHaveProperty('breakdowns');
    const breakdown = {
      ...allClear(),
      police_record: { result: null },
      image_integrity: {
        result: 'clear' as const,
        breakdown: {
          supported_document: { result: 'clear' as const, properties: { onfido_supported_document: 'clear' } },
        },
      },
    };
    const nested = map(selfieCheck(clearDocument({ breakdown }))).providerSpecific?.documentVerification;
    expect(nested).not.toHaveProperty('policeRecord');
    expect(nested).toMatchObject({
      breakdowns: {
        policeRecord: {},
        imageIntegrity: {
          result: 'clear',
          breakdown: { supportedDocument: { properties: { onfidoSupportedDocument: 'clear' } } },
        },
      },
    });
  });
});

describe('onfido checks that did not finish', () => {
  it('cancels a withdrawn check and shows the reports Onfido did finish', () => {
    const raw = check('withdrawn', {
      document: clearDocument(),
      facial_similarity_photo: { ...matchingFace(), status: 'cancelled', result: null },
    });
    const outcome = map(raw);
    expect(outcome.status).toBe('canceled');
    expect(Object.keys(outcome.providerSpecific ?? {})).toEqual(['documentVerification']);
  });

  it.each(['in_progress', 'awaiting_applicant', 'paused', 'reopened'] as const)(
    'fails on a check still %s',
    (status) => {
      const raw: CheckResult = check('complete', {
        document: clearDocument(),
        facial_similarity_photo: matchingFace(),
      });
      const outcome = map({ ...raw, check: { ...raw.check, status } });
      expect(outcome.status).toBe('failed');
      expect(outcome.failReason).toMatchObject({ type: 'InvalidProviderResult' });
    },
  );

  it('fails on a complete check without a completed document report', () => {
    const outcome = map(check('complete', { facial_similarity_photo: matchingFace() }));
    expect(outcome).toMatchObject({ status: 'failed', failReason: { type: 'InvalidProviderResult' } });
  });

  it('writes an API failure without field errors as message and status code', () => {
    const raw = {
      applicant_id: 'a',
      api_error: {
        stage: 'check',
        status_code: 500,
        error: { type: 'internal_server_error', message: 'Something went wrong' },
      },
    };
    expect(map(raw).failReason).toEqual({ type: 'check_failed', message: 'Something went wrong (status code 500)' });
  });

  it('says where a malformed result is wrong', () => {
    const raw = check('complete', { document: clearDocument({ sub_result: 'maybe' as never }) });
    const outcome = map(raw);
    expect(outcome.status).toBe('failed');
    expect(String(outcome.failReason?.message)).toContain('/reports/document/sub_result');
  });

  it('does not modify the raw result', () => {
    const raw = selfieCheck(clearDocument());
    const copy = structuredClone(raw);
    map(raw);
    expect(raw).toEqual(copy);
  });
});

describe('onfido create response', () => {
  const process = (id: string) => ({ id, createdAt: Date.UTC(2024, 2, 21, 11, 42, 52) }) as ProcessRecord;
  const decode = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

  it('returns a JWT-shaped SDK token that expires 90 minutes after creation', () => {
    const { authorization } = createResponse({ process: process('p1'), publicUrl: 'http://localhost' });
    const parts = authorization!.split('.');
    expect(parts).toHaveLength(3);
    expect(decode(parts[0]!)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(parts[1]!).exp).toBe(Date.UTC(2024, 2, 21, 13, 12, 52) / 1000);
  });

  it('gives every process its own token', () => {
    const first = createResponse({ process: process('p1'), publicUrl: 'http://localhost' });
    const second = createResponse({ process: process('p1'), publicUrl: 'http://localhost' });
    expect(first.authorization).not.toBe(second.authorization);
  });
});
