/** Phones write 12-50 MP photos; 2560 px on the long side keeps MRZ characters around 20 px high. */
export const MAX_LONG_SIDE = 2560;
/** Upload size the app aims for: quick on a weak mobile link and far under the server's 10 MB limit. */
export const TARGET_BYTES = 1.5 * 1024 * 1024;
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
 * Encodes at falling JPEG qualities until the result fits in `limit` bytes; the last try is kept even when
 * it is still larger, since the server takes up to 10 MB and a refused upload helps nobody.
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
