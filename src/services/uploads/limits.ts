/** Upstream limits for uploaded images. */
export const imageLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxSidePixels: 5000,
  /**
   * Metadata an image may carry (JPEG APPn/COM segments, PNG ancillary chunks): room for the largest
   * EXIF block a JPEG can hold (one 64 KB segment, thumbnail included), an ICC profile and XMP.
   * The corpus's real photos and scans carry at most 34 KB.
   */
  maxMetadataBytes: 128 * 1024,
} as const;

/**
 * The shorter side an image of each depiction needs, in pixels. Floors, not quality bars: below them
 * no document or face can be made out at all. Between them and what the engines need for a good
 * result (600 px for a document, see src/engines/image/resolution.ts), the image is taken and the
 * verification reports its low resolution, as a provider would.
 */
export const minimumShortSide: Readonly<Record<string, number>> = {
  front: 200,
  back: 200,
  selfie: 100,
  portrait: 100,
};

/** Base64 characters needed for `imageLimits.maxBytes`, checked before decoding anything. */
export const maxBase64Length = Math.ceil(imageLimits.maxBytes / 3) * 4;

/** JSON body limit for routes that take up to three images. */
export const uploadBodyLimit = 3 * (maxBase64Length + 256) + 64 * 1024;
