/** Upstream limits for uploaded images. */
export const imageLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxSidePixels: 5000,
} as const;

/** Base64 characters needed for `imageLimits.maxBytes`, checked before decoding anything. */
export const maxBase64Length = Math.ceil(imageLimits.maxBytes / 3) * 4;

/** JSON body limit for routes that take up to three images. */
export const uploadBodyLimit = 3 * (maxBase64Length + 256) + 64 * 1024;
