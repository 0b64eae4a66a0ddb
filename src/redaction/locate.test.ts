import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../engines/ocr/words.js';
import { parseMrz } from '../engines/mrz/index.js';
import type { MrzReading } from '../engines/ocr/types.js';
import type { VizField } from '../engines/viz/index.js';
import { locateFields, personalNumberOf, type ImageFindings } from './locate.js';
import { mrzCover } from './mrz-cover.js';

// ICAO 9303's specimen passport, with 'ZE184226B' as its personal number.
const specimen = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const band = { x: 40, y: 500, width: 900, height: 80, angle: 0 };
const cover = mrzCover(band);

function reading(lines: string[] | null, valid = true): MrzReading {
  const parsed = lines && parseMrz(lines);
  return {
    format: parsed ? parsed.format : 'unknown',
    lines: lines ?? [],
    fields: parsed ? parsed.fields : null,
    valid: lines !== null && valid,
    checks: parsed ? parsed.checks : ({} as MrzReading['checks']),
    confidence: [],
    problems: [],
    ...(lines && { box: band }),
    ms: 1,
  };
}

const printed: OcrWord = {
  text: 'ZE184226B',
  confidence: 90,
  box: { x: 400, y: 300, width: 150, height: 24 },
  line: 4,
};
const face = { box: { x: 60, y: 100, width: 200, height: 240 }, score: 0.9 };

describe('locating fields', () => {
  it('takes the personal number from the MRZ', () => {
    expect(personalNumberOf(reading(specimen))).toBe('ZE184226B');
    expect(personalNumberOf(reading(null))).toBeUndefined();
  });

  it('covers the faces, the MRZ band and the printed personal number', () => {
    const front: ImageFindings = { mrz: reading(specimen), faces: [face], words: [printed] };
    const location = locateFields(['photo', 'personalIdentificationNumber', 'mrz'], [front]);
    expect(location.missing).toEqual([]);
    expect(location.located).toEqual(['photo', 'personalIdentificationNumber', 'mrz']);
    expect(location.boxes[0]).toEqual([face.box, cover, printed.box, cover]);
  });

  it('puts each box on the side where it was found', () => {
    const front: ImageFindings = { mrz: reading(null), faces: [face], words: [] };
    const back: ImageFindings = { mrz: reading(specimen), faces: [], words: [printed] };
    const location = locateFields(['photo', 'personalIdentificationNumber'], [front, back]);
    expect(location.boxes).toEqual([[face.box], [cover, printed.box]]);
  });

  it('says why a field is missing, without personal data', () => {
    const noFace: ImageFindings = { mrz: reading(specimen), faces: [], words: [] };
    const location = locateFields(['photo', 'personalIdentificationNumber', 'signature'], [noFace]);
    expect(location.located).toEqual([]);
    expect(location.missing.map((m) => m.field)).toEqual(['photo', 'personalIdentificationNumber', 'signature']);
    expect(JSON.stringify(location.missing)).not.toContain('ZE184226B');
  });

  it('does not trust the number of an MRZ that was not read reliably, nor look for one that is empty', () => {
    const unreliable = locateFields(
      ['personalIdentificationNumber'],
      [{ mrz: reading(specimen, false), faces: [], words: [printed] }],
    );
    expect(unreliable.missing[0]?.reason).toMatch(/reliably/);
    const empty = specimen[1]!.replace('ZE184226B', '<<<<<<<<<');
    const none = locateFields(
      ['personalIdentificationNumber'],
      [{ mrz: reading([specimen[0]!, empty]), faces: [], words: [] }],
    );
    expect(none.missing[0]?.reason).toMatch(/holds no personal number/);
  });

  it('needs every printed part of a field: fullName is the surname and the given names', () => {
    const box = { x: 300, y: 40, width: 200, height: 20 };
    const surname: VizField = {
      text: 'ERIKSSON',
      value: 'ERIKSSON',
      confidence: 0.9,
      box: { ...box, corners: [box, box, box, box].map(({ x, y }) => ({ x, y })) as VizField['box']['corners'] },
      foundBy: 'label',
      distance: 0,
      matchesMrz: true,
    };
    const viz = { fields: { surname }, missing: [], problems: [], ms: 1 };
    const front: ImageFindings = { mrz: reading(specimen), faces: [], viz };
    expect(locateFields(['lastName'], [front]).boxes).toEqual([[box]]);
    expect(locateFields(['fullName'], [front]).missing).toEqual([
      { field: 'fullName', reason: 'the printed givenNames was not found' },
    ]);
  });
});
