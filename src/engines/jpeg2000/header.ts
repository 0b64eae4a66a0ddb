/**
 * The JPEG 2000 headers, read before any decoding: a JP2 file's boxes down to its codestream, and the
 * codestream's SIZ marker with the image size. The decoder allocates by these numbers, so a hostile
 * image is refused here, on its declared size, before it can cost any memory.
 */

/** The image is not a JPEG 2000 image we decode: malformed, truncated, or over the limits. */
export class Jpeg2000Error extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Jpeg2000Error';
  }
}

export interface Jpeg2000Limits {
  /** Widest and tallest image accepted. */
  maxSide: number;
  /** Most pixels accepted (width × height). */
  maxPixels: number;
}

/**
 * A chip portrait is a few hundred pixels a side (ISO/IEC 19794-5 asks for 240 between the eyes at
 * most for a full frontal image): 4 MP leaves a wide margin and bounds the decoder's memory to about
 * 100 MB (it keeps 32 bits per sample while decoding).
 */
export const chipPortraitLimits: Jpeg2000Limits = { maxSide: 4096, maxPixels: 4_000_000 };

export interface Jpeg2000Header {
  width: number;
  height: number;
  components: number;
  bitDepth: number;
  /** The codestream (from SOC), without the JP2 boxes around it. */
  codestream: Buffer;
}

const jp2Signature = Buffer.from('0000000c6a5020200d0a870a', 'hex');
const codestreamStart = Buffer.from('ff4fff51', 'hex');

/** Walks the JP2 boxes (ISO/IEC 15444-1 Annex I) to the contiguous codestream box `jp2c`. */
function codestreamOfJp2(file: Buffer): Buffer {
  let at = 0;
  while (at + 8 <= file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    let header = 8;
    let end: number;
    if (length === 1) {
      if (at + 16 > file.length) break;
      const long = file.readBigUInt64BE(at + 8);
      header = 16;
      end = long > BigInt(file.length - at) ? -1 : at + Number(long);
    } else {
      end = length === 0 ? file.length : at + length;
    }
    if (end < at + header || end > file.length) throw new Jpeg2000Error(`The JP2 box "${type}" runs past the file.`);
    if (type === 'jp2c') return file.subarray(at + header, end);
    at = end;
  }
  throw new Jpeg2000Error('The JP2 file holds no codestream box.');
}

/** Reads a JP2 file or a raw J2K codestream's size; throws Jpeg2000Error when malformed or too large. */
export function readJpeg2000Header(file: Buffer, limits: Jpeg2000Limits): Jpeg2000Header {
  const codestream = file.subarray(0, jp2Signature.length).equals(jp2Signature) ? codestreamOfJp2(file) : file;
  if (!codestream.subarray(0, 4).equals(codestreamStart)) {
    throw new Jpeg2000Error('The codestream does not start with the SOC and SIZ markers.');
  }
  // SIZ: Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz, then 3 bytes per component.
  if (codestream.length < 42) throw new Jpeg2000Error('The codestream is cut short inside its SIZ marker.');
  const sizLength = codestream.readUInt16BE(4);
  const components = codestream.readUInt16BE(40);
  if (components < 1 || components > 4 || sizLength !== 38 + 3 * components) {
    throw new Jpeg2000Error(`The SIZ marker declares ${components} components, not a photograph's 1 to 4.`);
  }
  if (codestream.length < 4 + sizLength) throw new Jpeg2000Error('The codestream is cut short inside its SIZ marker.');
  const width = codestream.readUInt32BE(8) - codestream.readUInt32BE(16);
  const height = codestream.readUInt32BE(12) - codestream.readUInt32BE(20);
  if (width <= 0 || height <= 0) throw new Jpeg2000Error('The SIZ marker declares an empty image.');
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    throw new Jpeg2000Error(
      `The image declares ${width}×${height} pixels, over the limit of ${limits.maxSide} a side and ${limits.maxPixels} in all.`,
    );
  }
  let bitDepth = 0;
  for (let c = 0; c < components; c++) {
    const at = 42 + 3 * c;
    const depth = (codestream[at]! & 0x7f) + 1;
    // Subsampled components (XRsiz, YRsiz) are legal JPEG 2000 but no chip portrait uses them.
    if (codestream[at + 1] !== 1 || codestream[at + 2] !== 1) {
      throw new Jpeg2000Error('The image has subsampled components, which are not decoded.');
    }
    bitDepth = Math.max(bitDepth, depth);
  }
  if (bitDepth > 16) throw new Jpeg2000Error(`The image declares ${bitDepth} bits per sample, over 16.`);
  return { width, height, components, bitDepth, codestream };
}
