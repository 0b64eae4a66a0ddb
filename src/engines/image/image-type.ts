/** The image formats accepted anywhere: uploads, watermarking, FaceTec audit trail images. */
export type ImageType = 'image/jpeg' | 'image/png';

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format the bytes say they are in (by their magic number), or undefined for anything else. */
export function sniffImageType(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(pngMagic)) return 'image/png';
  return undefined;
}
