import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples } from '../../../test/support/provider-examples.js';
import {
  agentApproval,
  agentReasons,
  agentRejection,
  completed,
  ovi1NotFound,
  passportOcr,
  securityChecks,
} from '../signicatvideoid/scenario-data.js';
import { signicatvideoid } from '../signicatvideoid/definition.js';
import { eid } from './definition.js';
import { parseVideoIdResult } from './raw.js';
import type { FinalStatus } from '../../core/process-status.js';
import type { Outcome } from '../../core/domain.js';

describeUpstreamExamples(eid);

const map = (raw: unknown, processType: string | null): Outcome =>
  eid.mapResult(raw, { processType, today: '2026-11-21' });
const statusOf = (raw: unknown, processType: string): FinalStatus => map(raw, processType).status;

describe('eid: unattended and attended, an agent decides', () => {
  it.each(['unattended', 'attended'])('%s: accepts what the agent approves, with the manual approval', (type) => {
    const outcome = map(completed(passportOcr({ similarityScore: 'low' }), agentApproval()), type);
    expect(outcome.status).toBe('accepted');
    expect(Object.keys(outcome.providerSpecific ?? {})).toEqual(['ocr', 'manualApproval']);
  });

  it.each(['unattended', 'attended'])('%s: rejects what the agent rejects', (type) => {
    expect(statusOf(completed(passportOcr(), agentRejection([agentReasons.documentAspect])), type)).toBe('rejected');
  });

  it.each(['unattended', 'attended'])('%s: rejects an invalid check whatever the agent says', (type) => {
    const ocr = passportOcr({ securityChecks: securityChecks({ notUnderage: false }) });
    expect(statusOf(completed(ocr, agentApproval()), type)).toBe('rejected');
  });

  it('is an invalid result without the agent review', () => {
    expect(map(completed(passportOcr()), 'attended').failReason).toMatchObject({ type: 'InvalidProviderResult' });
  });

  it('uses unattended when the process has no type', () => {
    expect(map(completed(passportOcr()), null).status).toBe('failed');
    expect(map(completed(passportOcr(), agentApproval()), null).status).toBe('accepted');
  });
});

describe('eid: substantial, decided automatically', () => {
  it('is inconclusive with a similarity other than high, or a feature not found', () => {
    expect(statusOf(completed(passportOcr({ similarityScore: 'medium' })), 'substantial')).toBe('inconclusive');
    expect(statusOf(completed(passportOcr({ features: ovi1NotFound })), 'substantial')).toBe('inconclusive');
  });

  it('rejects an invalid check and accepts a clean result, without a manual approval', () => {
    expect(
      statusOf(completed(passportOcr({ securityChecks: securityChecks({ dataIntegrity: false }) })), 'substantial'),
    ).toBe('rejected');
    expect(map(completed(passportOcr(), agentApproval()), 'substantial')).toEqual({
      status: 'accepted',
      providerSpecific: { ocr: expect.any(Object) },
    });
  });

  it('fails a process type it does not know instead of guessing', () => {
    expect(map(completed(passportOcr()), 'high').failReason).toMatchObject({ type: 'InvalidProviderResult' });
  });
});

describe('eid: the same service as Signicat VideoID', () => {
  it('maps every raw result as Signicat VideoID does for the matching policy', () => {
    const pairs = [
      ['unattended', 'high'],
      ['attended', 'high'],
      ['substantial', 'substantial'],
    ] as const;
    for (const scenario of eid.scenarios) {
      for (const [eidType, videoIdType] of pairs) {
        const videoIdOutcome = signicatvideoid.mapResult(scenario.raw, {
          processType: videoIdType,
          today: '2026-11-21',
        });
        expect(map(scenario.raw, eidType), `${scenario.id} as ${eidType}`).toEqual(videoIdOutcome);
      }
    }
  });

  it('reads the same raw record and has the same download files and create response', () => {
    expect(parseVideoIdResult(eid.scenarios[0]!.raw).ok).toBe(true);
    expect(eid.rawResultFiles).toBe(signicatvideoid.rawResultFiles);
    expect(eid.createResponse).toBe(signicatvideoid.createResponse);
  });
});

describe('eid: scenarios', () => {
  const expected: Record<string, [unattended: string, attended: string, substantial: string]> = {
    'eid-accepted': ['accepted', 'accepted', 'accepted'],
    'eid-accepted-agent-corrected': ['accepted', 'accepted', 'accepted'],
    'eid-agent-rejected': ['rejected', 'rejected', '-'],
    'eid-ovis-not-found': ['-', '-', 'inconclusive'],
    'eid-agent-rejected-photo': ['rejected', 'rejected', '-'],
    'eid-agent-approves-medium-similarity': ['accepted', 'accepted', '-'],
    'eid-medium-similarity': ['-', '-', 'inconclusive'],
    'eid-expired-document': ['rejected', 'rejected', 'rejected'],
    'eid-underage': ['rejected', 'rejected', 'rejected'],
    'eid-face-spoofing': ['rejected', 'rejected', 'rejected'],
    'eid-black-and-white-copy': ['rejected', 'rejected', 'rejected'],
    'eid-inactive-user-aborted': ['failed', 'failed', 'failed'],
    'eid-liveness-not-detected': ['failed', 'failed', 'failed'],
    'eid-system-requirements': ['failed', 'failed', 'failed'],
    'eid-camera-not-found': ['failed', 'failed', 'failed'],
    'eid-microphone-not-found': ['failed', 'failed', 'failed'],
    'eid-permission-denied': ['failed', 'failed', 'failed'],
    'eid-user-inactive': ['failed', 'failed', 'failed'],
    'eid-connection-lost': ['failed', 'failed', 'failed'],
    'eid-document-sides-mismatch': ['failed', 'failed', 'failed'],
  };

  it('map to the expected status for each process type they apply to', () => {
    expect(eid.scenarios.map((s) => s.id)).toEqual(Object.keys(expected));
    for (const scenario of eid.scenarios) {
      const actual = (['unattended', 'attended', 'substantial'] as const).map((type) =>
        (scenario.processTypes?.includes(type) ?? true) ? statusOf(scenario.raw, type) : '-',
      );
      expect(actual, scenario.id).toEqual(expected[scenario.id]);
    }
  });

  it('never map to an invalid result', () => {
    for (const scenario of eid.scenarios) {
      for (const type of scenario.processTypes ?? eid.processTypes) {
        expect(map(scenario.raw, type).failReason?.type, `${scenario.id} as ${type}`).not.toBe('InvalidProviderResult');
      }
    }
  });
});
