import openJpegFactory, { type OpenJpegModule } from '@cornerstonejs/codec-openjpeg/decodewasmjs';
import sharp from 'sharp';
import { chipPortraitLimits, Jpeg2000Error, readJpeg2000Header, type Jpeg2000Limits } from './header.js';

let loaded: Promise<OpenJpegModule> | undefined;

/** The decode-only build, loaded once per thread; OpenJPEG's progress messages are silenced. */
function openJpeg(): Promise<OpenJpegModule> {
  return (loaded ??= openJpegFactory({ print: () => {}, printErr: () => {} }));
}

/** 16-bit samples (little endian, as OpenJPEG hands them out) down to 8 bits. */
function toEightBits(samples: Uint8Array, bitDepth: number): Buffer {
  if (bitDepth <= 8) return Buffer.from(samples);
  const out = Buffer.alloc(samples.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (samples[2 * i]! | (samples[2 * i + 1]! << 8)) >> (bitDepth - 8);
  return out;
}

/**
 * Decodes a JPEG 2000 image (a JP2 file or a raw J2K codestream) to PNG, which the image engines read.
 * The size is checked from the headers first; anything OpenJPEG cannot decode whole (a truncated or
 * corrupt codestream) is a Jpeg2000Error with the reason, never a partial image.
 *
 * @example
 *   const png = await decodeJpeg2000(portraitFromDg2);
 */
export async function decodeJpeg2000(file: Buffer, limits: Jpeg2000Limits = chipPortraitLimits): Promise<Buffer> {
  const header = readJpeg2000Header(file, limits);
  const module = await openJpeg();
  const decoder = new module.J2KDecoder();
  let pixels: Buffer;
  let info;
  try {
    decoder.getEncodedBuffer(header.codestream.length).set(header.codestream);
    decoder.decode();
    info = decoder.getFrameInfo();
    pixels = toEightBits(decoder.getDecodedBuffer(), info.bitsPerSample);
  } catch {
    // An abort inside the WebAssembly module can leave it unusable: the next image loads a fresh one.
    loaded = undefined;
    throw new Jpeg2000Error('OpenJPEG could not decode the codestream.');
  } finally {
    try {
      decoder.delete();
    } catch {
      // Already torn down with the aborted module.
    }
  }
  // OpenJPEG reports a failed decode (truncated data, a broken tile) as an empty frame, not an error.
  if (info.width !== header.width || info.height !== header.height || info.componentCount !== header.components) {
    throw new Jpeg2000Error('The codestream is truncated or corrupt: OpenJPEG could not decode it whole.');
  }
  const channels = info.componentCount as 1 | 2 | 3 | 4;
  // sharp would write a one-channel image as sRGB: a grey portrait stays grey.
  return sharp(pixels, { raw: { width: info.width, height: info.height, channels } })
    .toColourspace(channels <= 2 ? 'b-w' : 'srgb')
    .png()
    .toBuffer();
}
