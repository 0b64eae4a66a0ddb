import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, outcomeDifferences } from '../../../test/support/provider-examples.js';
import { ELIDED, processExamplesOf, specAvailable } from '../../../test/support/spec-examples.js';
import { signicatvideoid } from './definition.js';
import type { CompletedVideoId, VideoIdResult } from './raw.js';
import {
  agentApproval,
  agentReasons,
  agentRejection,
  completed,
  ovi1NotFound,
  ovisNotFound,
  passportOcr,
  securityChecks,
} from './scenario-data.js';

import { openApiSfaRejected, openApiSubstantialRejected } from './upstream-errata.js';
import type { FinalStatus } from '../../core/process-status.js';
import type { Outcome } from '../../core/domain.js';

describeUpstreamExamples(signicatvideoid);

const map = (raw: unknown, processType: string | null): Outcome =>
  signicatvideoid.mapResult(raw, { processType, today: '2026-11-21' });
const statusOf = (raw: unknown, processType: string): FinalStatus => map(raw, processType).status;
const scenarioRaw = (id: string): unknown => signicatvideoid.scenarios.find((s) => s.id === id)!.raw;

describe.skipIf(!specAvailable())('signicatvideoid: errata examples, apart from the erratum', () => {
  const example = (source: string) => processExamplesOf('signicatvideoid').find((e) => e.source === source)!;

  it('reproduces the mislabelled SubstantialFullyAuto Rejected example in full as substantialFullyAuto', () => {
    const outcome = map(scenarioRaw('signicatvideoid-low-similarity-model'), 'substantialFullyAuto');
    expect(outcomeDifferences(example(openApiSfaRejected), outcome)).toEqual([]);
  });

  it('reproduces the Substantial Rejected example with its placeholder feature list taken as elided', () => {
    const documented = structuredClone(example(openApiSubstantialRejected));
    const ocr = (documented.example.providerSpecific as { ocr: Record<string, unknown> }).ocr;
    ocr.features = ELIDED;
    const outcome = map(scenarioRaw('signicatvideoid-expired-document'), 'substantial');
    expect(outcomeDifferences(documented, outcome)).toEqual([]);
  });
});

describe('signicatvideoid: security checks', () => {
  it.each(['high', 'substantial', 'substantialFullyAuto'])('rejects any invalid check for %s', (type) => {
    for (const check of ['nonExpired', 'notUnderage', 'dataIntegrity', 'notFaceSpoofing', 'sidesMatch'] as const) {
      const raw = completed(passportOcr({ securityChecks: securityChecks({ [check]: false }) }), agentApproval());
      expect(statusOf(raw, type), check).toBe('rejected');
    }
  });

  it('counts checks the vendor adds beyond the documented ones', () => {
    const checks = { ...securityChecks(), untamperedVideo: { valid: false } };
    expect(statusOf(completed(passportOcr({ securityChecks: checks })), 'substantial')).toBe('rejected');
  });

  it('rejects when the OCR says liveness was not detected, even with no failing check', () => {
    expect(statusOf(completed(passportOcr({ livenessDetected: 'false' })), 'substantialFullyAuto')).toBe('rejected');
  });

  it('lets a failing check reject even when the agent approved', () => {
    const raw = completed(passportOcr({ securityChecks: securityChecks({ nonExpired: false }) }), agentApproval());
    const outcome = map(raw, 'high');
    expect(outcome.status).toBe('rejected');
    expect(outcome.providerSpecific?.manualApproval).toBeDefined();
  });
});

describe('signicatvideoid: substantial', () => {
  it.each(['medium', 'low', 'veryLow', 'verylow'] as const)('is inconclusive with similarity %s', (similarityScore) => {
    expect(statusOf(completed(passportOcr({ similarityScore })), 'substantial')).toBe('inconclusive');
  });

  it('is inconclusive when a feature is not found, even with similarity high', () => {
    expect(statusOf(completed(passportOcr({ features: ovi1NotFound })), 'substantial')).toBe('inconclusive');
  });

  it('is accepted with similarity high and every feature found', () => {
    expect(statusOf(completed(passportOcr()), 'substantial')).toBe('accepted');
  });

  it('prefers rejected over inconclusive when a check also fails', () => {
    const ocr = passportOcr({ similarityScore: 'low', securityChecks: securityChecks({ notBWCopy: false }) });
    expect(statusOf(completed(ocr), 'substantial')).toBe('rejected');
  });

  it('ignores an agent review the raw result happens to carry', () => {
    const outcome = map(completed(passportOcr(), agentRejection([agentReasons.documentAspect])), 'substantial');
    expect(outcome).toEqual({ status: 'accepted', providerSpecific: { ocr: expect.any(Object) } });
  });
});

describe('signicatvideoid: substantialFullyAuto is never inconclusive', () => {
  it.each(['medium', 'low', 'veryLow'] as const)('rejects similarity %s', (similarityScore) => {
    expect(statusOf(completed(passportOcr({ similarityScore })), 'substantialFullyAuto')).toBe('rejected');
  });

  it('accepts a document whose features were not all found', () => {
    expect(
      statusOf(completed(passportOcr({ features: ovisNotFound, similarityScore: 'high' })), 'substantialFullyAuto'),
    ).toBe('accepted');
  });

  it('gives no scenario an inconclusive status', () => {
    for (const scenario of signicatvideoid.scenarios.filter(
      (s) => s.processTypes?.includes('substantialFullyAuto') ?? true,
    )) {
      expect(statusOf(scenario.raw, 'substantialFullyAuto'), scenario.id).not.toBe('inconclusive');
    }
  });
});

describe('signicatvideoid: high, the agent decides', () => {
  it('accepts what the agent approves, with the review beside the OCR', () => {
    const outcome = map(completed(passportOcr({ similarityScore: 'medium' }), agentApproval()), 'high');
    expect(outcome.status).toBe('accepted');
    expect(outcome.providerSpecific?.manualApproval).toMatchObject({
      verifierId: '331971b7-4302-4cba-b5ea-4aec176f07d6',
    });
    expect(outcome.providerSpecific?.manualApproval).not.toHaveProperty('result');
    expect(outcome.providerSpecific?.manualApproval).not.toHaveProperty('rejectionReasons');
  });

  it('rejects what the agent rejects, with the reasons', () => {
    const outcome = map(completed(passportOcr(), agentRejection([agentReasons.photoDoesNotMatchPerson])), 'high');
    expect(outcome.status).toBe('rejected');
    expect(outcome.providerSpecific?.manualApproval).toMatchObject({
      rejectionReasons: [agentReasons.photoDoesNotMatchPerson],
    });
  });

  it('drops reasons the vendor left on an approval', () => {
    const raw = completed(passportOcr(), agentApproval({ rejectionReasons: [agentReasons.documentAspect] }));
    expect(map(raw, 'high').providerSpecific?.manualApproval).not.toHaveProperty('rejectionReasons');
  });

  it('keeps an unknown agent reason code rather than failing the process', () => {
    const raw = completed(
      passportOcr(),
      agentRejection([{ type: 'Environment.CaptchaNotRead', message: 'Captcha not read' }]),
    );
    expect(statusOf(raw, 'high')).toBe('rejected');
  });

  it('is an invalid result without the agent review', () => {
    expect(map(completed(passportOcr()), 'high')).toMatchObject({
      status: 'failed',
      failReason: { type: 'InvalidProviderResult', message: expect.stringContaining('manual approval is missing') },
    });
  });

  it('uses high when the process has no type', () => {
    expect(map(completed(passportOcr()), null).status).toBe('failed');
    expect(map(completed(passportOcr(), agentApproval()), null).status).toBe('accepted');
  });
});

describe('signicatvideoid: failures and malformed results', () => {
  it('passes the error record through as failReason, in each documented shape', () => {
    const api = { id: 'a', date: 1745491701000, reason: 'Liveness.NotDetected', category: 'User.Error' };
    const sdk = { type: 'system_requirements', message: 'The following requirements were not met: camera,microphone.' };
    for (const error of [api, sdk]) {
      expect(map({ status: 'failed', error: { ...error, internal: 'dropped' } }, 'substantial')).toEqual({
        status: 'failed',
        failReason: error,
      });
    }
  });

  it.each([
    [{ status: 'failed', error: { message: 'no code' } }, 'neither a reason nor a type'],
    [{ status: 'done' }, 'unknown VideoID status'],
    [completed(passportOcr({ similarityScore: 'excellent' as 'high' })), '/ocr/similarityScore'],
    [{ ...completed(passportOcr()), ocr: { ...passportOcr(), features: [{ name: 'Photo' }] } }, '/ocr/features/0'],
  ])('names the problem of %j', (raw, problem) => {
    const outcome = map(raw, 'substantial');
    expect(outcome.status).toBe('failed');
    expect(outcome.failReason).toMatchObject({
      type: 'InvalidProviderResult',
      message: expect.stringContaining(problem),
    });
  });

  it('fails a process type it does not know instead of guessing', () => {
    expect(map(completed(passportOcr()), 'attended').failReason).toMatchObject({ type: 'InvalidProviderResult' });
  });
});

describe('signicatvideoid: providerSpecific and finalResult', () => {
  it('keeps only documented OCR fields and drops the position of a feature not found', () => {
    const raw = completed(
      passportOcr({ features: [{ name: 'OVI 1', found: false, bbox: { x: 1, y: 2, width: 3, height: 4 } }] }),
    );
    const ocr = { ...(raw as CompletedVideoId).ocr, vendorDebug: 'x' };
    const outcome = map({ ...raw, ocr }, 'substantialFullyAuto');
    expect(outcome.providerSpecific?.ocr).not.toHaveProperty('vendorDebug');
    expect(outcome.providerSpecific?.ocr).toMatchObject({ features: [{ name: 'OVI 1', found: false }] });
    expect((outcome.providerSpecific?.ocr as { features: object[] }).features[0]).not.toHaveProperty('bbox');
  });

  it('gives no finalResult, as none of upstream examples has one', () => {
    for (const scenario of signicatvideoid.scenarios) {
      for (const type of signicatvideoid.processTypes) expect(map(scenario.raw, type).finalResult).toBeUndefined();
    }
  });
});

describe('signicatvideoid: scenarios', () => {
  const expected: Record<
    string,
    [high: FinalStatus | '-', substantial: FinalStatus | '-', fullyAuto: FinalStatus | '-']
  > = {
    'signicatvideoid-accepted': ['accepted', 'accepted', 'accepted'],
    'signicatvideoid-accepted-agent-corrected': ['accepted', 'accepted', 'accepted'],
    'signicatvideoid-accepted-agent-corrected-model': ['accepted', 'accepted', 'accepted'],
    'signicatvideoid-agent-rejected': ['rejected', '-', '-'],
    'signicatvideoid-agent-rejected-model': ['rejected', '-', '-'],
    'signicatvideoid-low-similarity': ['-', 'inconclusive', 'rejected'],
    'signicatvideoid-low-similarity-model': ['-', 'inconclusive', 'rejected'],
    'signicatvideoid-ovis-not-found': ['-', 'inconclusive', 'rejected'],
    'signicatvideoid-ovis-not-found-model': ['-', 'inconclusive', 'rejected'],
    'signicatvideoid-feature-not-found': ['-', 'inconclusive', 'accepted'],
    'signicatvideoid-feature-not-found-model': ['-', 'inconclusive', 'accepted'],
    'signicatvideoid-expiry-check-invalid': ['rejected', 'rejected', 'rejected'],
    'signicatvideoid-agent-rejected-photo': ['rejected', '-', '-'],
    'signicatvideoid-agent-approves-medium-similarity': ['accepted', '-', '-'],
    'signicatvideoid-medium-similarity': ['-', 'inconclusive', 'rejected'],
    'signicatvideoid-expired-document': ['rejected', 'rejected', 'rejected'],
    'signicatvideoid-underage': ['rejected', 'rejected', 'rejected'],
    'signicatvideoid-face-spoofing': ['rejected', 'rejected', 'rejected'],
    'signicatvideoid-black-and-white-copy': ['rejected', 'rejected', 'rejected'],
    'signicatvideoid-inactive-user-aborted': ['failed', 'failed', 'failed'],
    'signicatvideoid-liveness-not-detected': ['failed', 'failed', 'failed'],
    'signicatvideoid-system-requirements': ['failed', 'failed', 'failed'],
    'signicatvideoid-camera-not-found': ['failed', 'failed', 'failed'],
    'signicatvideoid-microphone-not-found': ['failed', 'failed', 'failed'],
    'signicatvideoid-permission-denied': ['failed', 'failed', 'failed'],
    'signicatvideoid-user-inactive': ['failed', 'failed', 'failed'],
    'signicatvideoid-connection-lost': ['failed', 'failed', 'failed'],
    'signicatvideoid-document-sides-mismatch': ['failed', 'failed', 'failed'],
  };

  it('map to the expected status for each process type they apply to', () => {
    expect(signicatvideoid.scenarios.map((s) => s.id)).toEqual(Object.keys(expected));
    for (const scenario of signicatvideoid.scenarios) {
      const actual = (['high', 'substantial', 'substantialFullyAuto'] as const).map((type) =>
        (scenario.processTypes?.includes(type) ?? true) ? statusOf(scenario.raw, type) : '-',
      );
      expect(actual, scenario.id).toEqual(expected[scenario.id]);
    }
  });

  it('never map to an invalid result', () => {
    for (const scenario of signicatvideoid.scenarios) {
      for (const type of scenario.processTypes ?? signicatvideoid.processTypes) {
        expect(map(scenario.raw, type).failReason?.type, `${scenario.id} as ${type}`).not.toBe('InvalidProviderResult');
      }
    }
  });

  it('come with a video and images when the identification completed, and none when it failed', () => {
    for (const scenario of signicatvideoid.scenarios) {
      const completed = (scenario.raw as VideoIdResult).status === 'completed';
      expect(scenario.media?.video ?? false, scenario.id).toBe(completed);
      expect((scenario.media?.depictions.length ?? 0) > 0, scenario.id).toBe(completed);
    }
  });
});

describe('signicatvideoid: download files', () => {
  const files = signicatvideoid.rawResultFiles!;

  it('are ocr.json and manual_approval.json when an agent reviewed the video', () => {
    const raw = completed(passportOcr(), agentApproval()) as CompletedVideoId;
    expect(files(raw)).toEqual([
      { name: 'ocr.json', content: raw.ocr },
      { name: 'manual_approval.json', content: raw.manualApproval },
    ]);
  });

  it('are ocr.json alone without an agent review', () => {
    expect(files(completed(passportOcr())).map((f) => f.name)).toEqual(['ocr.json']);
  });

  it('keep a failure or an unreadable result whole', () => {
    for (const raw of [scenarioRaw('signicatvideoid-user-inactive'), { junk: true }]) {
      expect(files(raw)).toEqual([{ name: 'result.json', content: raw }]);
    }
  });
});
