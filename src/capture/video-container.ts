/** The containers the selfie video may come in: what MediaRecorder writes (WebM; MP4 on Safari). */
export type VideoContentType = 'video/webm' | 'video/mp4';

const ebmlMagic = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const docTypeId = Buffer.from([0x42, 0x82]);

/**
 * The container the bytes really are, from their first bytes: a WebM starts with an EBML header whose
 * DocType is `webm`; an MP4 (ISO base media file) starts with an `ftyp` box. Anything else: undefined.
 */
export function sniffVideoContainer(bytes: Buffer): VideoContentType | undefined {
  if (bytes.length >= 16 && bytes.subarray(0, 4).equals(ebmlMagic)) {
    // The DocType element (id 0x4282) sits in the EBML header, within its first few dozen bytes.
    const header = bytes.subarray(4, Math.min(bytes.length, 64));
    for (let at = header.indexOf(docTypeId); at >= 0; at = header.indexOf(docTypeId, at + 1)) {
      // Its size is a one-byte vint (0x84) as browsers write it.
      if (header[at + 2] === 0x84 && header.subarray(at + 3, at + 7).toString('latin1') === 'webm') return 'video/webm';
    }
    return undefined;
  }
  if (bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp') {
    const boxSize = bytes.readUInt32BE(0);
    if (boxSize >= 16 && boxSize <= bytes.length) return 'video/mp4';
  }
  return undefined;
}
