import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageStructure } from './image-structure.js';

const picture = (format: 'jpeg' | 'png', options: { progressive?: boolean } = {}) => {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 90, b: 20 } } });
  return (format === 'jpeg' ? image.jpeg({ progressive: options.progressive ?? false }) : image.png()).toBuffer();
};

const segment = (marker: number, payload: Buffer) => {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
};

describe('JPEG structure', () => {
  it('reads baseline and progressive JPEGs to their end marker', async () => {
    for (const progressive of [false, true]) {
      const jpeg = await picture('jpeg', { progressive });
      expect(readImageStructure(jpeg, 'image/jpeg')).toEqual({ ok: true, trailingBytes: 0, metadataBytes: 0 });
    }
  });

  it('skips stuffed bytes, restart markers and fill bytes inside and between scans', () => {
    const entropy = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd7, 0x78, 0xff, 0xff]);
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
      entropy,
      Buffer.from([0xff, 0xd9]),
    ]);
    expect(readImageStructure(jpeg, 'image/jpeg')).toEqual({ ok: true, trailingBytes: 0, metadataBytes: 0 });
  });

  it('counts what follows the end marker, and the APPn and COM segments', async () => {
    const jpeg = await picture('jpeg');
    const exif = segment(0xe1, Buffer.alloc(1000));
    const comment = segment(0xfe, Buffer.from('hello'));
    const withMetadata = Buffer.concat([
      jpeg.subarray(0, 2),
      exif,
      comment,
      jpeg.subarray(2),
      Buffer.from('PK\x03\x04'),
    ]);
    expect(readImageStructure(withMetadata, 'image/jpeg')).toEqual({
      ok: true,
      trailingBytes: 4,
      metadataBytes: exif.length + comment.length,
    });
  });

  it('finds truncated files and broken segments', async () => {
    const jpeg = await picture('jpeg');
    expect(readImageStructure(jpeg.subarray(0, jpeg.length - 2), 'image/jpeg')).toMatchObject({ ok: false });
    expect(readImageStructure(jpeg.subarray(0, 10), 'image/jpeg')).toMatchObject({ ok: false });
    const gap = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0x00]), jpeg.subarray(2)]);
    expect(readImageStructure(gap, 'image/jpeg')).toEqual({
      ok: false,
      problem: 'a JPEG segment does not start with a marker',
    });
    const zeroLength = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0, 0]), jpeg.subarray(2)]);
    expect(readImageStructure(zeroLength, 'image/jpeg')).toMatchObject({ ok: false });
  });
});

describe('PNG structure', () => {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const beforeIend = (png: Buffer, ...chunks: Buffer[]) =>
    Buffer.concat([png.subarray(0, png.length - 12), ...chunks, png.subarray(png.length - 12)]);

  it('reads a PNG to its IEND chunk and counts what follows', async () => {
    const png = await picture('png');
    expect(readImageStructure(png, 'image/png')).toMatchObject({ ok: true, trailingBytes: 0 });
    expect(readImageStructure(Buffer.concat([png, Buffer.from('<html>')]), 'image/png')).toMatchObject({
      trailingBytes: 6,
    });
  });

  it('counts ancillary chunks as metadata, except transparency', async () => {
    const png = await picture('png');
    const plain = readImageStructure(png, 'image/png');
    if (!plain.ok) throw new Error(plain.problem);
    const text = chunk('tEXt', Buffer.from('Comment\0hello'));
    const privateChunk = chunk('abCd', Buffer.alloc(100));
    const transparency = chunk('tRNS', Buffer.alloc(6));
    expect(readImageStructure(beforeIend(png, text, privateChunk, transparency), 'image/png')).toMatchObject({
      metadataBytes: plain.metadataBytes + text.length + privateChunk.length,
    });
  });

  it('finds truncated files and invalid chunk types', async () => {
    const png = await picture('png');
    expect(readImageStructure(png.subarray(0, png.length - 12), 'image/png')).toMatchObject({ ok: false });
    expect(readImageStructure(beforeIend(png, chunk('a<>b', Buffer.alloc(1))), 'image/png')).toMatchObject({
      ok: false,
    });
  });
});
