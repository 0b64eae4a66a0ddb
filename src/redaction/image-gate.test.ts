import { describe, expect, it } from 'vitest';
import { redactedImagesRefusal } from './image-gate.js';
import type { ProcessRecord } from '../core/domain.js';

const process = (redact: string[] | undefined, outcome: ProcessRecord['outcome']) =>
  ({ status: 'pending', options: { ...(redact && { redact }) }, outcome }) as ProcessRecord;
const redacted = (isFullRedaction: boolean) => ({
  providerSpecific: { redactionResult: { isPartialRedaction: true, isFullRedaction } },
});

describe('the image gate of processes with redaction', () => {
  it('lets images of a process without redaction through, and selfies always', () => {
    expect(redactedImagesRefusal(process(undefined, null), 'front')).toBeUndefined();
    expect(redactedImagesRefusal(process([], null), 'front')).toBeUndefined();
    expect(redactedImagesRefusal(process(['photo'], null), 'selfie')).toBeUndefined();
  });

  it('holds the originals back until the verification has redacted them, and for good without one', () => {
    expect(redactedImagesRefusal(process(['photo'], null), 'front')).toMatch(/once the verification has redacted/);
    const expired = { ...process(['photo'], null), status: 'failed' } as ProcessRecord;
    expect(redactedImagesRefusal(expired, 'front')).toMatch(/never redacted/);
  });

  it('serves the document sides only when redaction was full', () => {
    expect(redactedImagesRefusal(process(['photo'], redacted(true)), 'back')).toBeUndefined();
    expect(redactedImagesRefusal(process(['photo'], redacted(false)), 'front')).toMatch(/isFullRedaction is false/);
    expect(redactedImagesRefusal(process(['photo'], {}), 'front')).toMatch(/isFullRedaction is false/);
  });
});
