import type { ImageType } from '../../engines/image/image-type.js';

/** What walking an image's container (JPEG segments, PNG chunks) found, without decoding pixels. */
export type ImageStructure =
  | {
      ok: true;
      /** Bytes after the end marker (JPEG EOI, PNG IEND): another file riding along, e.g. a polyglot. */
      trailingBytes: number;
      /** Bytes of metadata: JPEG APPn and COM segments, PNG ancillary chunks (text, EXIF, ICC...). */
      metadataBytes: number;
    }
  | { ok: false; problem: string };

const broken = (problem: string): ImageStructure => ({ ok: false, problem });

/**
 * Walks a JPEG or PNG from its start to its end marker, measuring what it carries besides pixels. It
 * reads lengths only (no recursion, no decoding), so it costs one pass over the bytes at most.
 */
export function readImageStructure(bytes: Buffer, type: ImageType): ImageStructure {
  return type === 'image/jpeg' ? readJpeg(bytes) : readPng(bytes);
}

const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
const isMetadata = (marker: number) => (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;

function readJpeg(bytes: Buffer): ImageStructure {
  let metadataBytes = 0;
  let pos = 2; // after SOI
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return broken('a JPEG segment does not start with a marker');
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[pos] === 0xff) pos++;
    const marker = bytes[pos];
    if (marker === undefined) break;
    pos++;
    if (marker === 0xd9) return { ok: true, trailingBytes: bytes.length - pos, metadataBytes };
    if (isStandalone(marker)) continue;
    if (pos + 2 > bytes.length) break;
    const length = bytes.readUInt16BE(pos);
    if (length < 2) return broken('a JPEG segment has an impossible length');
    if (pos + length > bytes.length) break;
    if (isMetadata(marker)) metadataBytes += length + 2;
    pos += length;
    if (marker === 0xda) pos = endOfEntropyCodedData(bytes, pos);
  }
  return broken('the JPEG ends before its end-of-image marker');
}

/** After a scan header: the position of the next marker that is not a restart marker or a stuffed byte. */
function endOfEntropyCodedData(bytes: Buffer, from: number): number {
  let pos = from;
  for (;;) {
    pos = bytes.indexOf(0xff, pos);
    if (pos < 0 || pos + 1 >= bytes.length) return bytes.length;
    const next = bytes[pos + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos += 2;
    else if (next === 0xff) pos += 1;
    else return pos;
  }
}

const pngSignatureLength = 8;

function readPng(bytes: Buffer): ImageStructure {
  let metadataBytes = 0;
  let pos = pngSignatureLength;
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return broken('a PNG chunk has an invalid type');
    const end = pos + 12 + length;
    if (end > bytes.length) break;
    // Ancillary chunks (lower-case first letter) are not needed to show the pixels, except tRNS.
    if (type[0] === type[0]!.toLowerCase() && type !== 'tRNS') metadataBytes += length + 12;
    pos = end;
    if (type === 'IEND') return { ok: true, trailingBytes: bytes.length - pos, metadataBytes };
  }
  return broken('the PNG ends before its IEND chunk');
}
