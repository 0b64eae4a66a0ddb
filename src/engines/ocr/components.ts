/** Bounding box of one connected region of a binary mask, edges inclusive-exclusive. */
export interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Number of set pixels. */
  area: number;
}

export interface Labelling {
  blobs: Blob[];
  /** For each pixel, 1 + the index of its blob in `blobs`, or 0 when the pixel is not set. */
  labels: Int32Array;
}

/** Labels the 8-connected regions of `mask` (non-zero = set) with a stack-based flood fill. */
export function connectedComponents(mask: Uint8Array, width: number, height: number): Labelling {
  const seen = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const blobs: Blob[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    const label = blobs.length + 1;
    seen[start] = label;
    const blob: Blob = { x0: width, y0: height, x1: 0, y1: 0, area: 0 };
    while (top > 0) {
      const at = stack[--top]!;
      const x = at % width;
      const y = (at - x) / width;
      blob.area++;
      if (x < blob.x0) blob.x0 = x;
      if (y < blob.y0) blob.y0 = y;
      if (x + 1 > blob.x1) blob.x1 = x + 1;
      if (y + 1 > blob.y1) blob.y1 = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (mask[next] && !seen[next]) {
            seen[next] = label;
            stack[top++] = next;
          }
        }
      }
    }
    blobs.push(blob);
  }
  return { blobs, labels: seen };
}
