import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusAvailable, facePhotos } from '../../../test/support/corpus.js';
import { syntheticDocument, withPortrait } from '../../../test/support/live-documents.js';
import { createEnginePool } from '../../engines/pool/engine-pool.js';
import type { ProcessRecord } from '../../core/domain.js';
import type { EngineContext } from '../types.js';
import { webIdEngineBackend } from '../webid/engine-backend.js';
import { signicatvideoid } from './definition.js';
import { videoIdEngineBackend } from './engine-backend.js';
import type { CompletedVideoId } from './raw.js';

const engines = createEnginePool({ threads: 1 });
afterAll(() => engines.close());

function contextOf(images: EngineContext['images'], processType: string): EngineContext {
  return {
    process: { id: 'p-1', externalId: 'dd56c701-9ad2-44c0-ab05-864cc46c7d69', processType } as ProcessRecord,
    images,
    startInput: undefined,
    engines,
    now: Date.UTC(2026, 10, 21),
    today: '2026-11-21',
    minimumAge: 18,
    compromisedDocumentNumbers: new Set(),
    seenBefore: async () => false,
  };
}

describe.skipIf(!corpusAvailable())('the live engine backends of the reviewed providers', () => {
  it('read the identity card, compare its portrait with the selfie still, and keep the findings', async () => {
    const card = await syntheticDocument(11, 'TD1');
    const [face] = facePhotos('barack_obama');
    const [stranger] = facePhotos('human_lexi');
    const front = await withPortrait(card, face!);
    const selfie = await sharp(face!).flop().jpeg().toBuffer();

    const same = await videoIdEngineBackend(contextOf({ front, selfie }, 'high'));
    const raw = same.raw as CompletedVideoId;
    expect(raw.ocr).toMatchObject({
      similarityScore: 'high',
      documentType: 'identityCard',
      securityChecks: {
        dataIntegrity: { valid: true },
        nonExpired: { valid: true },
        notBWCopy: { valid: true },
        // The selfie still is the person's own photo, not a print or screen: the single-frame verdict lets it pass.
        notFaceSpoofing: { valid: true },
      },
    });
    expect(raw.ocr.features.map((f) => [f.name, f.found])).toEqual([
      ['Photo', true],
      ['MRZ', true],
    ]);
    expect(same.engineOutput).toMatchObject({
      comparison: { missingFace: 'none' },
      portrait: { box: expect.any(Object) },
    });
    // high waits for a reviewer; substantial with everything found and matched is accepted at once.
    expect(signicatvideoid.review!.awaitsReviewer(raw, 'high')).toBe(true);
    expect(signicatvideoid.mapResult(raw, { processType: 'substantial', today: '2026-11-21' }).status).toBe('accepted');

    const other = (await videoIdEngineBackend(contextOf({ front, selfie: stranger! }, 'substantial'))).raw;
    expect((other as CompletedVideoId).ocr.similarityScore).not.toBe('high');
    expect(signicatvideoid.review!.awaitsReviewer(other, 'substantial')).toBe(true);

    const ident = await webIdEngineBackend(contextOf({ front, selfie }, 'videoid'));
    expect(ident.raw).toMatchObject({
      success: false,
      identifiedOn: null,
      idDocument: { documentType: 'identityCard' },
    });
  }, 240_000);
});
