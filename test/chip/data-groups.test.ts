import { describe, expect, it } from 'vitest';
import { ChipFormatError } from '../../src/chip/asn1.js';
import { mrzLines, readFaceImage, readMrzText } from '../../src/chip/data-groups.js';
import { dg1, dg2, sampleMrz } from '../support/chip-pki.js';
import { fakeJpeg } from './fixtures.js';

describe('data groups', () => {
  it('takes the face image out of DG2, whatever its record lengths say', () => {
    expect(readFaceImage(dg2(fakeJpeg))).toEqual({ format: 'jpeg', bytes: fakeJpeg });
    const jp2 = Buffer.concat([Buffer.from('0000000c6a5020200d0a870a', 'hex'), Buffer.alloc(40, 3)]);
    expect(readFaceImage(dg2(jp2)).format).toBe('jp2');
    expect(() => readFaceImage(dg2(Buffer.alloc(40, 1)))).toThrow(ChipFormatError);
  });

  it('reads the MRZ of DG1 into its printed lines', () => {
    expect(mrzLines(readMrzText(dg1()))).toEqual(sampleMrz);
    expect(() => readMrzText(dg2(fakeJpeg))).toThrow('DG1 does not start with tag 61.');
  });
});
