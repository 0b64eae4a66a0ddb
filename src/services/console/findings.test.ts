import { describe, expect, it } from 'vitest';
import { findingsOf } from './findings.js';

describe('findings from the engine output', () => {
  it('places the MRZ, the portrait and the printed fields on their images, in whole pixels', () => {
    const output = {
      readings: {
        front: {
          lines: ['P<NLDDE<BRUIJN<<WILLEKE', 'SPECI20212NLD6503101F2'],
          box: { x: 10.4, y: 300, width: 500, height: 60.6, angle: 0 },
        },
        back: { lines: [], format: 'unknown' },
      },
      portrait: {
        box: { x: 1, y: 2, width: 3, height: 4 },
        face: { box: { x: 20, y: 40, width: 100.2, height: 120 }, score: 0.9 },
      },
      viz: {
        verification: 'MRZ_FEATURE_COMPARISON',
        reading: {
          fields: {
            surname: {
              text: 'De Bruijn',
              value: 'DE BRUIJN',
              box: { x: 200, y: 50, width: 80, height: 12, corners: [] },
            },
          },
        },
      },
    };
    expect(findingsOf(output)).toEqual({
      front: {
        mrz: { box: [10, 300, 500, 61], lines: ['P<NLDDE<BRUIJN<<WILLEKE', 'SPECI20212NLD6503101F2'] },
        faces: [[20, 40, 100, 120]],
        fields: [{ name: 'surname', value: 'DE BRUIJN', box: [200, 50, 80, 12] }],
      },
    });
  });

  it('places the glare regions of the image checks on the front', () => {
    const glare = { value: 0.3, passed: false, threshold: 0.25 };
    const output = {
      imageChecks: {
        blur: { value: 1, passed: true, threshold: 0.5 },
        glare: { ...glare, regions: [{ x: 600, y: 200, width: 300, height: 180 }, { x: 'wrong' }] },
      },
    };
    expect(findingsOf(output)).toEqual({ front: { glare: [[600, 200, 300, 180]] } });
    // An output stored before the check reported regions, or with none, draws no glare.
    expect(findingsOf({ imageChecks: { glare } })).toEqual({});
    expect(findingsOf({ imageChecks: { glare: { ...glare, regions: [] } } })).toEqual({});
  });

  it('leaves out what the output does not hold', () => {
    expect(findingsOf(null)).toEqual({});
    expect(
      findingsOf({ readings: { front: { lines: ['X'] } }, viz: { verification: 'MRZ_ONLY', why: 'no page' } }),
    ).toEqual({});
  });
});
