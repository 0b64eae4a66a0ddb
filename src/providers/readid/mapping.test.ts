import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, today } from '../../../test/support/provider-examples.js';
import { createResponse } from './create-response.js';
import { readid } from './definition.js';
import { mapResult } from './mapping.js';
import type { ConsolidatedIdentityData, IProovSession, ReadIDSession, VerificationStatus } from './raw.js';
import type { ProcessRecord } from '../../core/domain.js';

describeUpstreamExamples(readid);

it('gives every sandbox scenario a well-formed raw result for each process type it applies to', () => {
  for (const scenario of readid.scenarios) {
    for (const processType of scenario.processTypes ?? readid.processTypes) {
      const outcome = mapResult(scenario.raw, { processType, today });
      expect(outcome.failReason?.type, `${scenario.id} as ${processType}`).not.toBe('InvalidProviderResult');
    }
  }
});

const map = (raw: unknown) => mapResult(raw, { processType: 'sdk', today });

const identity: ConsolidatedIdentityData = {
  chipVerification: 'SUCCEEDED',
  chipCloneDetection: 'SUCCEEDED',
  dateOfBirth: '880523',
  dateOfExpiry: '290826',
  documentCode: 'ID',
  documentNumber: 'CB022930',
  documentType: 'I',
  gender: 'MALE',
  issuingCountry: 'PT',
  nationality: 'PRT',
  personalNumber: '',
  primaryIdentifier: 'FERREIRA MENDES',
  secondaryIdentifier: 'TIAGO MIGUEL',
};
const iproov = (passed: boolean | null, finished: boolean | null = true): IProovSession => ({
  assuranceType: 'GENUINE_PRESENCE',
  attempts: 2,
  enrolmentImageSource: 'Chip',
  finished,
  hasError: false,
  passed,
});
const session = (overrides: Partial<ConsolidatedIdentityData> = {}, iProovSession?: IProovSession): ReadIDSession => ({
  sessionId: 's-1',
  consolidatedIdentityData: { ...identity, ...overrides },
  ...(iProovSession && { iProovSession }),
});
const chips = (chipVerification: VerificationStatus, chipCloneDetection: VerificationStatus) =>
  session({ chipVerification, chipCloneDetection });

describe('readid status', () => {
  it.each([
    ['SUCCEEDED', 'SUCCEEDED', 'accepted'],
    ['SUCCEEDED', 'NOT_SUPPORTED', 'accepted'],
    ['SUCCEEDED', 'FAILED', 'inconclusive'],
    ['SUCCEEDED', 'NOT_CHECKED', 'inconclusive'],
    ['NOT_CHECKED', 'SUCCEEDED', 'inconclusive'],
    ['NOT_SUPPORTED', 'NOT_SUPPORTED', 'inconclusive'],
    ['FAILED', 'SUCCEEDED', 'rejected'],
    ['FAILED', 'FAILED', 'rejected'],
  ] as const)('chip verification %s and clone detection %s give %s', (chip, clone, status) => {
    expect(map(chips(chip, clone)).status).toBe(status);
  });

  it('calls clone detection a document cannot do "not available"', () => {
    const outcome = map(chips('SUCCEEDED', 'NOT_SUPPORTED'));
    expect(outcome.providerSpecific?.consolidatedIdentityData).toMatchObject({ chipCloneDetection: 'NOT_AVAILABLE' });
  });

  it('makes an accepted chip inconclusive when iProov did not pass', () => {
    const outcome = map(session({}, iproov(false)));
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.finalResult).toBeUndefined();
    expect(outcome.providerSpecific?.iproovSession).toEqual({
      attempts: 2,
      enrollmentImageSource: 'Chip',
      finished: true,
      hasError: false,
      passed: false,
      iProovAssuranceType: 'GENUINE_PRESENCE',
    });
  });

  it('treats an unfinished iProov session as not passed', () => {
    expect(map(session({}, iproov(null, false))).status).toBe('inconclusive');
  });

  it('never rejects because of iProov, and never rescues a failed chip with it', () => {
    expect(map(session({ chipCloneDetection: 'FAILED' }, iproov(false))).status).toBe('inconclusive');
    expect(map(session({ chipVerification: 'FAILED' }, iproov(true))).status).toBe('rejected');
  });

  it('accepts with a passed iProov session', () => {
    expect(map(session({}, iproov(true))).status).toBe('accepted');
  });

  it('ignores the all-null iProov session ReadID sends for accounts without iProov', () => {
    const empty = { attempts: null, finished: null, hasError: null, passed: null };
    const outcome = map({ ...session(), iProovSession: empty });
    expect(outcome.status).toBe('accepted');
    expect(outcome.providerSpecific).not.toHaveProperty('iproovSession');
  });
});

describe('readid identity data', () => {
  it('normalises what the chip says: names split, full dates, alpha-3 countries, M/F, document type', () => {
    const outcome = map(session());
    expect(outcome.providerSpecific?.consolidatedIdentityData).toEqual({
      chipVerification: 'SUCCEEDED',
      chipCloneDetection: 'SUCCEEDED',
      firstName: 'TIAGO MIGUEL',
      lastName: 'FERREIRA MENDES',
      dateOfBirth: '1988-05-23',
      dateOfExpiry: '2029-08-26',
      documentCode: 'I',
      documentType: 'identityCard',
      documentNumber: 'CB022930',
      gender: 'M',
      issuingCountry: 'PRT',
      nationality: 'PRT',
      personalIdentificationNumber: '',
    });
  });

  it('leaves empty values out of finalResult', () => {
    expect(map(session()).finalResult).not.toHaveProperty('personalIdentificationNumber');
  });

  it("prefers ReadID's own reading of a date's century when it agrees with the chip", () => {
    const content = {
      dateOfBirth: '250101',
      fullDateOfBirth: '1925-01-01T00:00:00Z',
      interpretedDateOfExpiry: '26.08.2029',
    };
    const outcome = map({ ...session({ dateOfBirth: '250101' }), documentContent: content });
    expect(outcome.providerSpecific?.consolidatedIdentityData).toMatchObject({ dateOfBirth: '1925-01-01' });
    expect(outcome.providerSpecific?.documentContent).toEqual({ dateOfBirth: '1925-01-01' });
  });

  it('shows document content text as read, an empty place of birth included', () => {
    const content = {
      placeOfBirth: '',
      profession: null,
      mrzPrimaryIdentifier: 'FERREIRA<MENDES',
      dateOfIssue: '20150930',
    };
    const outcome = map({ ...session(), documentContent: content });
    expect(outcome.providerSpecific?.documentContent).toEqual({
      placeOfBirth: '',
      mrzLastName: 'FERREIRA<MENDES',
      dateOfIssue: '2015-09-30',
    });
  });

  it('fails with the place of a malformed field', () => {
    const outcome = map(session({ chipVerification: 'PASSED' as VerificationStatus }));
    expect(outcome.status).toBe('failed');
    expect(String(outcome.failReason?.message)).toContain('/consolidatedIdentityData/chipVerification');
  });
});

describe('readid download and create response', () => {
  it('downloads the raw session as session.json', () => {
    const raw = session();
    expect(readid.rawResultFiles?.(raw)).toEqual([{ name: 'session.json', content: raw }]);
  });

  const context = (processType: string) => ({
    process: { id: 'p1', processType, createdAt: 0 } as ProcessRecord,
    publicUrl: 'https://assure.example.com/',
  });

  it('gives an SDK process an access key and the API URL, without Ready fields', () => {
    const response = createResponse(context('sdk'));
    expect(response.authorization).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.providerApiUrl).toBe('https://assure.example.com/sandbox/readid/odata/v1/ODataServlet');
    expect(response).not.toHaveProperty('universalLink');
    expect(response).not.toHaveProperty('base64QRCode');
  });

  it('gives a Ready process its own universal link, with a query to append the callback to, and its QR code', async () => {
    const [first, second] = [createResponse(context('ready')), createResponse(context('ready'))];
    expect(first.universalLink).toMatch(
      /^https:\/\/assure\.example\.com\/sandbox\/readid\/ready\?readySessionId=[0-9a-f-]{36}$/,
    );
    expect(first.universalLink).not.toBe(second.universalLink);
    expect(first.authorization).not.toBe(second.authorization);
    const png = await sharp(Buffer.from(first.base64QRCode!, 'base64')).metadata();
    expect(png.format).toBe('png');
    expect(png.width).toBe(png.height);
  });
});
