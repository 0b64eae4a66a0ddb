import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, today } from '../../../test/support/provider-examples.js';
import { createResponse } from './create-response.js';
import { facetec } from './definition.js';
import { mapResult } from './mapping.js';
import type { Match, SecurityChecks } from './raw.js';
import type { ProcessRecord } from '../../core/domain.js';

describeUpstreamExamples(facetec);

it('gives every sandbox scenario a well-formed raw result for each process type it applies to', () => {
  for (const scenario of facetec.scenarios) {
    for (const processType of scenario.processTypes ?? [null]) {
      const outcome = mapResult(scenario.raw, { processType, today });
      expect(outcome.failReason?.type, `${scenario.id} as ${processType}`).not.toBe('InvalidProviderResult');
    }
  }
});

const map = (raw: unknown) => mapResult(raw, { processType: null, today });

const checks: SecurityChecks = {
  auditTrailVerificationCheckSucceeded: true,
  replayCheckSucceeded: true,
  faceScanLivenessCheckSucceeded: true,
  sessionTokenCheckSucceeded: true,
};
const enrollment = (failed: Partial<SecurityChecks> = {}) => ({
  success: Object.values(failed).length === 0,
  error: false,
  faceScanSecurityChecks: { ...checks, ...failed },
});
const paths = [
  '/match-3d-2d-face-portrait',
  '/match-3d-2d-3rdparty-idphoto',
  '/match-3d-2d-3rdparty-idphoto-low-quality',
] as const;
/** Attempts in Assure's order, one per level given. */
const matches = (...levels: number[]): Match[] =>
  levels.map((matchLevel, i) => ({
    success: matchLevel > 0,
    error: false,
    matchLevel,
    imageProcessingStatusEnumInt: 0,
    callData: { path: paths[i]! },
  }));

describe('facetec status', () => {
  it.each([
    [[8], 'accepted'],
    [[6], 'accepted'],
    [[0, 6], 'accepted'],
    [[5], 'inconclusive'],
    [[0, 0, 1], 'inconclusive'],
    [[4, 5, 5], 'inconclusive'],
    [[0], 'rejected'],
    [[0, 0, 0], 'rejected'],
  ] as const)('match levels %j give %s', (levels, status) => {
    expect(map({ enrollment: enrollment(), matches: matches(...levels) }).status).toBe(status);
  });

  it('lets the best attempt decide, not the last one', () => {
    const outcome = map({ enrollment: enrollment(), matches: matches(3, 0, 0) });
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.providerSpecific?.matching).toMatchObject({ algorithm: 'facePortrait', matchLevel: 3 });
  });

  it('reports the later attempt among equal levels', () => {
    const outcome = map({ enrollment: enrollment(), matches: matches(5, 5) });
    expect(outcome.providerSpecific?.matching).toMatchObject({ algorithm: 'idPhoto', matchLevel: 5 });
  });

  it.each(Object.keys(checks) as (keyof SecurityChecks)[])('rejects when %s failed, whatever the match', (check) => {
    const outcome = map({ enrollment: enrollment({ [check]: false }), matches: matches(8) });
    expect(outcome.status).toBe('rejected');
    expect(outcome.finalResult).toBeUndefined();
    expect(outcome.providerSpecific?.liveness).toMatchObject({
      success: false,
      faceScanSecurityChecks: { [check]: false },
    });
  });

  it('rejects when FaceTec says the liveness did not succeed even though every check passed', () => {
    const outcome = map({ enrollment: { ...enrollment(), success: false }, matches: matches(8) });
    expect(outcome.status).toBe('rejected');
  });

  it('rejects a failed liveness without a matching element when no match was attempted', () => {
    const outcome = map({ enrollment: enrollment({ faceScanLivenessCheckSucceeded: false }), matches: [] });
    expect(outcome).toEqual({ status: 'rejected', providerSpecific: { liveness: expect.any(Object) } });
  });

  it('gives livenessDetected as the string "true" and the similarity score only when accepted', () => {
    expect(map({ enrollment: enrollment(), matches: matches(7) }).finalResult).toEqual({
      livenessDetected: 'true',
      similarityScore: 'high',
    });
    expect(map({ enrollment: enrollment(), matches: matches(5) }).finalResult).toBeUndefined();
  });

  it('names image processing problems', () => {
    const attempts = matches(0, 0, 0).map((m, i) => ({ ...m, imageProcessingStatusEnumInt: i + 1 }));
    const outcome = map({ enrollment: enrollment(), matches: attempts });
    const names = (outcome.providerSpecific?.matching as { attempts: { imageProcessing: string }[] }).attempts;
    expect(names.map((a) => a.imageProcessing)).toEqual(['invalidImage', 'faceDetectionIssue', 'lowQuality']);
  });
});

describe('facetec failures', () => {
  it('fails when FaceTec could not process the face scan', () => {
    const outcome = map({ enrollment: { success: false, error: true, errorMessage: 'bad scan' }, matches: [] });
    expect(outcome).toEqual({
      status: 'failed',
      failReason: { type: 'FaceTecError', message: 'FaceTec could not process the face scan: bad scan' },
    });
  });

  it('fails when every match attempt errored', () => {
    const errored = matches(0, 0).map((m) => ({ ...m, error: true, matchLevel: undefined, errorMessage: 'timeout' }));
    expect(map({ enrollment: enrollment(), matches: errored }).failReason).toMatchObject({ type: 'FaceTecError' });
  });

  it('ignores an errored attempt when another one has a level', () => {
    const attempts = [{ ...matches(0)[0]!, error: true, matchLevel: undefined }, ...matches(0, 7).slice(1)];
    expect(map({ enrollment: enrollment(), matches: attempts }).status).toBe('accepted');
  });

  it('fails when liveness passed but nothing was matched', () => {
    expect(map({ enrollment: enrollment(), matches: [] }).failReason).toMatchObject({ type: 'InvalidProviderResult' });
  });

  it('fails on an unknown match endpoint', () => {
    const attempts = [{ ...matches(8)[0]!, callData: { path: '/match-3d-3d' } }];
    const outcome = map({ enrollment: enrollment(), matches: attempts });
    expect(outcome.failReason).toMatchObject({ type: 'InvalidProviderResult' });
    expect(String(outcome.failReason?.message)).toContain('/matches/0/callData/path');
  });
});

describe('facetec create response', () => {
  const context = (id: string) => ({
    process: { id, createdAt: Date.UTC(2024, 2, 21) } as ProcessRecord,
    publicUrl: 'http://localhost',
  });

  it('returns SDK settings in FaceTec formats, with a real RSA public key', () => {
    const response = createResponse(context('p1'));
    expect(response.facetecDeviceKeyIdentifier).toMatch(/^d[A-Za-z0-9]{31}$/);
    const key = createPublicKey(response.facetecEncryptionPublicKey!);
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(response.facetecMobileSdkProductionKey).toMatch(
      /^appId {6}= \*\nexpiryDate = 2025-03-21\nkey {8}= 00[0-9a-f]+$/,
    );
    expect(response.authorization).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives every process its own values', () => {
    const [first, second] = [createResponse(context('p1')), createResponse(context('p2'))];
    for (const field of Object.keys(first)) expect(first[field], field).not.toBe(second[field]);
  });
});
