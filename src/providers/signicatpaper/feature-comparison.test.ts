import { describe, expect, it } from 'vitest';
import type { VizField, VizReading } from '../../engines/viz/index.js';
import type { MrzReading } from '../../engines/ocr/types.js';
import { compareFeatures, featureMatch, vizSource } from './feature-comparison.js';
import { mapResult } from './mapping.js';

const box = {
  x: 1,
  y: 2,
  width: 3,
  height: 4,
  corners: [
    { x: 1, y: 2 },
    { x: 4, y: 2 },
    { x: 4, y: 6 },
    { x: 1, y: 6 },
  ],
} as VizField['box'];
const field = (value: string, distance = 0, extra: Partial<VizField> = {}): VizField => ({
  text: value,
  value,
  confidence: 0.9,
  box,
  foundBy: 'mrz-hint',
  distance,
  matchesMrz: distance <= 1,
  ...extra,
});
const reading = (fields: VizReading['fields']): VizReading => ({ fields, missing: [], problems: [], ms: 1 });

const eriksson = {
  surname: field('ERIKSSON'),
  givenNames: field('ANNA MARIA'),
  documentNumber: field('L898902C3'),
  dateOfBirth: field('1974-08-12', 0, { date: 'valid' }),
  dateOfExpiry: field('2032-04-15', 0, { date: 'valid' }),
  sex: field('F', 0, { foundBy: 'label' }),
  nationality: field('UTO'),
};

describe('signicatpaper printed fields against the MRZ', () => {
  it("grades each field in Paper's vocabulary", () => {
    expect(featureMatch(undefined, 'text')).toBe('MISSING');
    expect(featureMatch(field('A'), 'text')).toBe('FULL_MATCH');
    expect(featureMatch(field('A', 3), 'date')).toBe('LEVENSHTEIN3');
    expect(featureMatch(field('A', 5), 'text')).toBe('FOUND');
    expect(featureMatch(field('A', 6, { date: 'valid' }), 'date')).toBe('VALID');
    expect(featureMatch(field('A', 6, { date: 'invalid' }), 'date')).toBe('PARSED');
    expect(featureMatch(field('A', 6, { date: 'unparsed' }), 'date')).toBe('FOUND');
  });

  it('reports features and matching under the documented names, without errors when all match', () => {
    expect(compareFeatures(reading(eriksson))).toEqual({
      features: {
        last_name: 'ERIKSSON',
        first_name: 'ANNA MARIA',
        document_number: 'L898902C3',
        date_of_birth: '1974-08-12',
        date_of_expiry: '2032-04-15',
        gender: 'F',
      },
      matching: {
        last_name: 'FULL_MATCH',
        first_name: 'FULL_MATCH',
        document_number: 'FULL_MATCH',
        date_of_birth: 'FULL_MATCH',
        date_of_expiry: 'FULL_MATCH',
      },
      errors: [],
    });
  });

  it('makes a printed value that is not the MRZ one an error, and a missing one MISSING only', () => {
    const { dateOfExpiry: _missing, ...rest } = eriksson;
    const forged = compareFeatures(reading({ ...rest, surname: field('SVENSSON', 5, { foundBy: 'label' }) }));
    expect(forged).toMatchObject({
      matching: { last_name: 'FOUND', date_of_expiry: 'MISSING' },
      errors: ['Invalid last_name: does NOT match the MRZ, value SVENSSON'],
    });
  });

  it('gives no comparison when fewer than two printed fields were found', () => {
    expect(compareFeatures(reading({ surname: eriksson.surname }))).toMatch(/only 1 of 5 printed fields found/);
  });

  it('maps a comparison with a mismatch to rejected, and one without to accepted', () => {
    const comparison = compareFeatures(reading(eriksson));
    if (typeof comparison === 'string') throw new Error(comparison);
    const raw = (errors: string[]) => ({
      verification: { type: 'MRZ_FEATURE_COMPARISON', status: errors.length === 0 },
      features: comparison.features,
      mrz: { first_name: 'ANNA MARIA', last_name: 'ERIKSSON', document_type: 'passport', document_number: 'L898902C3' },
      mrz_feature_matching: comparison.matching,
      ...(errors.length > 0 && { errors }),
    });
    const context = { processType: null, today: '2026-01-01' };
    expect(mapResult(raw([]), context)).toMatchObject({
      status: 'accepted',
      providerSpecific: {
        verification: { type: 'MRZ_FEATURE_COMPARISON' },
        mrzFeatureMatching: { lastName: 'FULL_MATCH' },
      },
    });
    expect(mapResult(raw(['Invalid last_name: does NOT match the MRZ, value SVENSSON']), context).status).toBe(
      'rejected',
    );
  });

  it('reads the printed side: the MRZ side of passports, the other side of TD1 cards, nothing for UNIV', () => {
    const [front, back] = [Buffer.from('front'), Buffer.from('back')];
    const passport = { side: 'front' as const, reading: { format: 'TD3' } as MrzReading };
    const card = { side: 'back' as const, reading: { format: 'TD1' } as MrzReading };
    const images = { front, back };
    expect(vizSource(passport, { images, process: { documentCountry: 'BEL' } })).toEqual({
      image: front,
      mrzOnImage: true,
    });
    expect(vizSource(passport, { images, process: { documentCountry: 'UNIV' } })).toMatch(/UNIV/);
    expect(vizSource(card, { images, process: { documentCountry: 'BEL' } })).toEqual({
      image: front,
      mrzOnImage: false,
    });
    expect(vizSource({ ...card, side: 'front' }, { images: { front }, process: { documentCountry: 'BEL' } })).toMatch(
      /no back image/,
    );
  });
});
