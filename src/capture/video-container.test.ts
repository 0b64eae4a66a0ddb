import { describe, expect, it } from 'vitest';
import { sniffVideoContainer } from './video-container.js';

const webmHeader = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04]),
  Buffer.from([0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84]),
  Buffer.from('webm'),
  Buffer.from([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]),
]);

describe('the selfie video container check', () => {
  it('knows a WebM by its EBML header and its webm DocType', () => {
    expect(sniffVideoContainer(webmHeader)).toBe('video/webm');
    // Matroska (mkv) has the same magic but another DocType: not what MediaRecorder writes.
    expect(sniffVideoContainer(Buffer.from(webmHeader.toString('latin1').replace('webm', 'mkvx'), 'latin1'))).toBe(
      undefined,
    );
  });

  it('knows an MP4 by its leading ftyp box', () => {
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypisom'),
      Buffer.alloc(4),
      Buffer.from('isommp41'),
    ]);
    expect(sniffVideoContainer(ftyp)).toBe('video/mp4');
    const lying = Buffer.from(ftyp);
    lying.writeUInt32BE(4096, 0); // a box longer than the bytes
    expect(sniffVideoContainer(lying)).toBe(undefined);
  });

  it('refuses anything else', () => {
    expect(sniffVideoContainer(Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(20)]))).toBe(undefined);
    expect(sniffVideoContainer(Buffer.alloc(0))).toBe(undefined);
    expect(sniffVideoContainer(Buffer.from('<html><body>not a video</body></html>'))).toBe(undefined);
  });
});
