import { createRequire } from 'node:module';
import sharp from 'sharp';

/** OpenJPEG's encoder (the full build of @cornerstonejs/codec-openjpeg), to make JPEG 2000 test faces. */
interface OpenJpegEncoderModule {
  J2KEncoder: new () => {
    getDecodedBuffer(info: {
      width: number;
      height: number;
      bitsPerSample: number;
      componentCount: number;
      isSigned: boolean;
      isUsingColorTransform: boolean;
    }): Uint8Array;
    setQuality(lossless: boolean, quality: number): void;
    setCompressionRatio(layer: number, ratio: number): void;
    encode(): void;
    getEncodedBuffer(): Uint8Array;
    delete(): void;
  };
}

let encoder: Promise<OpenJpegEncoderModule> | undefined;
const openJpeg = () =>
  (encoder ??= (
    createRequire(import.meta.url)('@cornerstonejs/codec-openjpeg/wasmjs') as (
      o: object,
    ) => Promise<OpenJpegEncoderModule>
  )({ print: () => {}, printErr: () => {} }));

/** A raw J2K codestream of the image (lossy, about 1:20, as chip portraits are compressed). */
export async function encodeJ2k(image: Buffer, options: { grey?: boolean; ratio?: number } = {}): Promise<Buffer> {
  const pipeline = sharp(image).removeAlpha();
  const { data, info } = await (options.grey ? pipeline.greyscale().extractChannel(0) : pipeline)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const module = await openJpeg();
  const enc = new module.J2KEncoder();
  try {
    enc
      .getDecodedBuffer({
        width: info.width,
        height: info.height,
        bitsPerSample: 8,
        componentCount: info.channels,
        isSigned: false,
        isUsingColorTransform: info.channels === 3,
      })
      .set(data);
    enc.setQuality(false, 0);
    enc.setCompressionRatio(0, options.ratio ?? 20);
    enc.encode();
    return Buffer.from(enc.getEncodedBuffer());
  } finally {
    enc.delete();
  }
}

const box = (type: string, ...contents: Buffer[]) => {
  const body = Buffer.concat(contents);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

/** The codestream in a JP2 file (ISO/IEC 15444-1 Annex I): signature, file type, header, codestream boxes. */
export function wrapJp2(codestream: Buffer, size: { width: number; height: number; components: number }): Buffer {
  const ihdr = Buffer.alloc(14);
  ihdr.writeUInt32BE(size.height, 0);
  ihdr.writeUInt32BE(size.width, 4);
  ihdr.writeUInt16BE(size.components, 8);
  ihdr.set([7, 7, 0, 0], 10); // 8 bits, wavelet compression, colour space known, no IPR
  const colr = Buffer.from([1, 0, 0, 0, 0, 0, size.components === 1 ? 17 : 16]); // greyscale or sRGB
  return Buffer.concat([
    box('jP  ', Buffer.from('0d0a870a', 'hex')),
    box('ftyp', Buffer.from('jp2 \0\0\0\0jp2 ', 'latin1')),
    box('jp2h', box('ihdr', ihdr), box('colr', colr)),
    box('jp2c', codestream),
  ]);
}
