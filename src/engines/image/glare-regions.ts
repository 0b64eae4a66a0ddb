import type { Box } from './types.js';

/** A blown-out spot is drawn only from this share of the measured area: single white pixels are noise, not glare. */
const MIN_REGION_SHARE = 0.0005;

/** The operator wants to see where the worst glare is, not every speck: the largest few are enough. */
const MAX_REGIONS = 5;

/**
 * The bounding boxes of the largest connected groups (8-neighbour) of set pixels in `mask`, biggest first.
 * `mask` covers a `width` x `height` window; boxes are in that window's pixels.
 */
export function largestBlobs(mask: Uint8Array, width: number, height: number): Box[] {
  const minPixels = Math.max(4, Math.ceil(width * height * MIN_REGION_SHARE));
  const seen = new Uint8Array(mask.length);
  // One explicit stack for every flood fill: a recursive fill would overflow on a large white area.
  const stack = new Int32Array(mask.length);
  const blobs: { box: Box; pixels: number }[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let pixels = 0;
    let [minX, minY, maxX, maxY] = [width, height, -1, -1];
    while (top > 0) {
      const index = stack[--top]!;
      const x = index % width;
      const y = (index - x) / width;
      pixels++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (mask[next] && !seen[next]) {
            seen[next] = 1;
            stack[top++] = next;
          }
        }
      }
    }
    if (pixels >= minPixels) {
      blobs.push({ box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 }, pixels });
    }
  }
  return blobs
    .sort((a, b) => b.pixels - a.pixels)
    .slice(0, MAX_REGIONS)
    .map((blob) => blob.box);
}
