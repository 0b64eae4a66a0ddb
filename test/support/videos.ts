/**
 * Small, well-formed video containers for the capture API's tests: a WebM (EBML header, Segment with
 * Info, one VP8 track and a Cluster of key frames) and an MP4 (`ftyp` then `mdat`). The frames are not
 * decodable pictures; the server checks containers, not codecs (the browser test records real video).
 */

/** An EBML element: its id, its size as a vint of 8 bytes, its payload. */
function element(id: number[], payload: Buffer): Buffer {
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(payload.length) | (1n << 56n));
  return Buffer.concat([Buffer.from(id), size, payload]);
}

const uint = (value: number, bytes = 4) => {
  const out = Buffer.alloc(bytes);
  out.writeUIntBE(value, 0, bytes);
  return out;
};
const text = (value: string) => Buffer.from(value, 'latin1');
const float64 = (value: number) => {
  const out = Buffer.alloc(8);
  out.writeDoubleBE(value);
  return out;
};

export function tinyWebm(options: { frames?: number; frameBytes?: number; seed?: number } = {}): Buffer {
  const { frames = 5, frameBytes = 64, seed = 1 } = options;
  // The DocType's size is the one-byte vint MediaRecorder writes (0x84), so the header reads as browsers write it.
  const header = Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f]),
    Buffer.from([0x42, 0x86, 0x81, 0x01]), // EBMLVersion 1
    Buffer.from([0x42, 0xf7, 0x81, 0x01]), // EBMLReadVersion 1
    Buffer.from([0x42, 0xf2, 0x81, 0x04]), // EBMLMaxIDLength 4
    Buffer.from([0x42, 0xf3, 0x81, 0x08]), // EBMLMaxSizeLength 8
    Buffer.from([0x42, 0x82, 0x84]),
    text('webm'),
    Buffer.from([0x42, 0x87, 0x81, 0x04]), // DocTypeVersion 4
    Buffer.from([0x42, 0x85, 0x81, 0x02]), // DocTypeReadVersion 2
  ]);
  const info = element(
    [0x15, 0x49, 0xa9, 0x66],
    Buffer.concat([
      element([0x2a, 0xd7, 0xb1], uint(1_000_000)), // TimecodeScale: milliseconds
      element([0x44, 0x89], float64(frames * 1000)), // Duration
      element([0x4d, 0x80], text('openassure-test')), // MuxingApp
      element([0x57, 0x41], text('openassure-test')), // WritingApp
    ]),
  );
  const video = element([0xe0], Buffer.concat([element([0xb0], uint(16, 2)), element([0xba], uint(16, 2))]));
  const tracks = element(
    [0x16, 0x54, 0xae, 0x6b],
    element(
      [0xae],
      Buffer.concat([
        element([0xd7], uint(1, 1)), // TrackNumber
        element([0x73, 0xc5], uint(1, 4)), // TrackUID
        element([0x83], uint(1, 1)), // TrackType: video
        element([0x86], text('V_VP8')),
        video,
      ]),
    ),
  );
  const blocks = Array.from({ length: frames }, (_, index) => {
    const frame = Buffer.alloc(frameBytes, (seed * 31 + index) & 0xff);
    // Track 1 (vint 0x81), timecode relative to the cluster, flags: key frame.
    const blockHeader = Buffer.concat([Buffer.from([0x81]), uint(index * 1000, 2), Buffer.from([0x80])]);
    return element([0xa3], Buffer.concat([blockHeader, frame]));
  });
  const cluster = element([0x1f, 0x43, 0xb6, 0x75], Buffer.concat([element([0xe7], uint(0)), ...blocks]));
  const segment = element([0x18, 0x53, 0x80, 0x67], Buffer.concat([info, tracks, cluster]));
  return Buffer.concat([header, segment]);
}

/** An MP4 as Safari's MediaRecorder starts one: an `ftyp` box, then the media data. */
export function tinyMp4(payloadBytes = 256): Buffer {
  const ftyp = Buffer.concat([uint(24), text('ftyp'), text('isom'), uint(512), text('isom'), text('mp41')]);
  const mdat = Buffer.concat([uint(8 + payloadBytes), text('mdat'), Buffer.alloc(payloadBytes, 7)]);
  return Buffer.concat([ftyp, mdat]);
}
