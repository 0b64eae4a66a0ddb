/** Phones write 12-50 MP photos; 2560 px on the long side keeps MRZ characters around 20 px high. */
export const MAX_LONG_SIDE = 2560;
/** Upload size the app aims for: quick on a weak mobile link and well under the server's limit. */
export const TARGET_BYTES = 1.5 * 1024 * 1024;
/** The server refuses larger uploads (413). */
export const SERVER_MAX_BYTES = 4 * 1024 * 1024;
/** Long sides to draw at, in turn, when even the lowest quality leaves a photo over the server's limit. */
export const LONG_SIDES = [MAX_LONG_SIDE, 1920, 1280] as const;
export const QUALITIES = [0.9, 0.82, 0.74, 0.66, 0.58, 0.5] as const;

/** The size to draw an image at so that its long side is at most `maxLongSide`, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  maxLongSide = MAX_LONG_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Encodes at falling JPEG qualities until the result fits in `limit` bytes; the last try is returned even when
 * it is still larger (the caller draws the photo smaller when it is over the server's limit).
 */
export async function encodeWithin(
  encode: (quality: number) => Promise<Blob>,
  limit = TARGET_BYTES,
): Promise<{ blob: Blob; quality: number }> {
  let last: { blob: Blob; quality: number } | null = null;
  for (const quality of QUALITIES) {
    last = { blob: await encode(quality), quality };
    if (last.blob.size <= limit) return last;
  }
  if (!last) throw new Error('No JPEG quality to try.');
  return last;
}

/**
 * The JPEG to upload: drawn at most 2560 px long and encoded as `encodeWithin` does; a photo still over the
 * server's limit at the lowest quality (rare: a very noisy picture) is drawn smaller, since a refused upload
 * helps nobody. `encodeAt` draws and encodes the picture at a long side and a quality.
 */
export async function encodeForUpload(encodeAt: (longSide: number, quality: number) => Promise<Blob>): Promise<Blob> {
  let smallest: Blob | null = null;
  for (const side of LONG_SIDES) {
    const { blob } = await encodeWithin((quality) => encodeAt(side, quality));
    if (blob.size <= SERVER_MAX_BYTES) return blob;
    smallest = blob;
  }
  if (!smallest) throw new Error('No size to draw the photo at.');
  return smallest;
}
