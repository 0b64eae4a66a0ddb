import { describe, expect, it } from 'vitest';
import { mrzCover } from './mrz-cover.js';

describe('the MRZ cover', () => {
  it('stretches the band mostly at the end of its lines, whichever way the document is turned', () => {
    const upright = { x: 100, y: 500, width: 1000, height: 80 };
    expect(mrzCover({ ...upright, angle: 0 })).toEqual({ x: 70, y: 500, width: 1150, height: 80 });
    expect(mrzCover({ ...upright, angle: 180 })).toEqual({ x: -20, y: 500, width: 1150, height: 80 });
    expect(mrzCover({ ...upright, angle: 8 })).toEqual({ x: 70, y: 500, width: 1150, height: 80 });
  });

  it('stretches along y when the lines run down or up the image', () => {
    const turned = { x: 500, y: 100, width: 80, height: 1000 };
    expect(mrzCover({ ...turned, angle: 90 })).toEqual({ x: 500, y: 70, width: 80, height: 1150 });
    expect(mrzCover({ ...turned, angle: -90 })).toEqual({ x: 500, y: -20, width: 80, height: 1150 });
  });
});
