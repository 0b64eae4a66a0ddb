import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../engines/mrz/index.js';
import type { MrzReading } from '../engines/ocr/types.js';
import type { OcrWord } from '../engines/ocr/words.js';
import type { VizField } from '../engines/viz/index.js';
import { blackShare, changedOutside, decode } from '../../test/support/pixels.js';
import { pixelBox } from './boxes.js';
import { redact, type RedactionEngines } from './redactor.js';

const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const band = { x: 20, y: 150, width: 260, height: 30, angle: 0 };
const face = { box: { x: 20, y: 20, width: 60, height: 80 }, score: 0.9 };
const printed: OcrWord = { text: 'ZE184226B', confidence: 90, box: { x: 150, y: 60, width: 90, height: 15 }, line: 1 };

const surname: VizField = {
  text: 'ERIKSSON',
  value: 'ERIKSSON',
  confidence: 0.9,
  box: {
    x: 150,
    y: 20,
    width: 80,
    height: 12,
    corners: [
      { x: 150, y: 20 },
      { x: 230, y: 20 },
      { x: 230, y: 32 },
      { x: 150, y: 32 },
    ],
  },
  foundBy: 'mrz-hint',
  distance: 0,
  matchesMrz: true,
};

/** What the engines would measure on the page, fixed, so the test is about the all-or-nothing rule. */
function engines(found: { face: boolean; printed: boolean; mrzOn?: number }): RedactionEngines & { calls: string[] } {
  const calls: string[] = [];
  const parsed = parseMrz(lines);
  const mrz: MrzReading = { ...parsed, confidence: [1, 1], box: band, ms: 1 };
  const none: MrzReading = { ...mrz, format: 'unknown', lines: [], fields: null, valid: false, box: undefined };
  let reads = 0;
  return {
    calls,
    readMrz: async () => (calls.push('readMrz'), reads++ === (found.mrzOn ?? 0) ? mrz : none),
    detectFaces: async () => (calls.push('detectFaces'), found.face ? [face] : []),
    findWords: async () => (calls.push('findWords'), found.printed ? [printed] : []),
    readVisualZone: async (_image, reading, options) => {
      calls.push(`readVisualZone:${reading.format}:${String(options?.mrzOnImage)}`);
      return { fields: found.printed ? { surname } : {}, missing: [], problems: [], ms: 1 };
    },
  };
}

const page = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#c8d4e0' } })
    .png()
    .toBuffer();

describe('redact', () => {
  it('covers every requested field with its margin and leaves the rest of the image as it was', async () => {
    const png = await page();
    const outcome = await redact(engines({ face: true, printed: true }), {
      images: [{ bytes: png, contentType: 'image/png' }],
      fields: ['photo', 'personalIdentificationNumber'],
      level: 'standard',
    });
    expect(outcome.missing).toEqual([]);
    const [before, after] = [await decode(png), await decode(outcome.images![0]!.bytes)];
    for (const box of [face.box, band, printed.box]) expect(blackShare(after, box)).toBe(1);
    // Painting rounds each box outwards to whole pixels.
    const painted = outcome.boxes![0]!.map((box) => pixelBox(box, after)).filter((box) => box !== undefined);
    expect(changedOutside(before, after, painted)).toBe(0);
    // Standard margin: a fifth of the shorter side (face 60 wide: 12 px).
    expect(outcome.boxes![0]![0]).toEqual({ x: 8, y: 8, width: 84, height: 104 });
  });

  it('paints nothing when one field cannot be located', async () => {
    const outcome = await redact(engines({ face: true, printed: false }), {
      images: [{ bytes: await page(), contentType: 'image/png' }],
      fields: ['photo', 'personalIdentificationNumber'],
      level: 'high',
    });
    expect(outcome.images).toBeUndefined();
    expect(outcome.located).toEqual(['photo']);
    expect(outcome.missing).toEqual([
      { field: 'personalIdentificationNumber', reason: 'the personal number was not found printed on the document' },
    ]);
  });

  it('runs only the engines the fields need', async () => {
    const used = engines({ face: true, printed: true });
    await redact(used, {
      images: [{ bytes: await page(), contentType: 'image/png' }],
      fields: ['photo'],
      level: 'standard',
    });
    expect(used.calls.sort()).toEqual(['detectFaces', 'readMrz']);
  });

  it('covers printed fields where the VIZ reader found them, placed from the MRZ of either side', async () => {
    const used = engines({ face: false, printed: true, mrzOn: 1 });
    const [front, back] = [await page(), await page()];
    const outcome = await redact(used, {
      images: [
        { bytes: front, contentType: 'image/png' },
        { bytes: back, contentType: 'image/png' },
      ],
      fields: ['lastName'],
      level: 'standard',
    });
    expect(outcome.located).toEqual(['lastName']);
    // The front has no MRZ: its printed fields are placed from the back's.
    expect(used.calls.filter((call) => call.startsWith('readVisualZone'))).toEqual([
      'readVisualZone:TD3:false',
      'readVisualZone:TD3:true',
    ]);
    expect(blackShare(await decode(outcome.images![0]!.bytes), surname.box)).toBe(1);
  });

  it('cannot place printed fields without an MRZ on the document', async () => {
    const outcome = await redact(engines({ face: false, printed: true, mrzOn: 5 }), {
      images: [{ bytes: await page(), contentType: 'image/png' }],
      fields: ['fullName'],
      level: 'standard',
    });
    expect(outcome.missing).toEqual([
      { field: 'fullName', reason: 'no machine-readable zone was read, so the printed fields cannot be placed' },
    ]);
  });
});
