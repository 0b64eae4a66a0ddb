/** A point in pixels. */
export interface Xy {
  x: number;
  y: number;
}

/** 3 x 3 projective map, row-major, h[8] = 1. */
type Projective = number[];

/** Solves the 8 x 8 system of the projective map taking `from` corners onto `to` corners. */
export function projective(from: readonly Xy[], to: readonly Xy[]): Projective {
  const a: number[][] = [];
  from.forEach((p, i) => {
    const q = to[i]!;
    a.push([p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x, q.x]);
    a.push([0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y, q.y]);
  });
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let row = col + 1; row < 8; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < 8; row++) {
      if (row === col) continue;
      const f = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < 9; k++) a[row]![k]! -= f * a[col]![k]!;
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => a[i]![8]! / a[i]![i]!), 1];
}

export function project(h: Projective, { x, y }: Xy): Xy {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return { x: (h[0]! * x + h[1]! * y + h[2]!) / w, y: (h[3]! * x + h[4]! * y + h[5]!) / w };
}

/**
 * Draws the RGBA `source` onto the RGB `canvas` where the projective map `toCanvas` puts it
 * (inverse mapping, bilinear, alpha-blended at the edges).
 */
export function warpOnto(
  canvas: { width: number; height: number; data: Uint8Array },
  source: { width: number; height: number; data: Uint8Array },
  corners: readonly Xy[],
): void {
  const back = projective(corners, [
    { x: 0, y: 0 },
    { x: source.width, y: 0 },
    { x: source.width, y: source.height },
    { x: 0, y: source.height },
  ]);
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(canvas.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(canvas.height - 1, Math.ceil(Math.max(...ys)));
  const s = source.data;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const p = project(back, { x: x + 0.5, y: y + 0.5 });
      const u = p.x - 0.5;
      const v = p.y - 0.5;
      if (u < -0.5 || v < -0.5 || u > source.width - 0.5 || v > source.height - 0.5) continue;
      const ui = Math.min(source.width - 2, Math.max(0, Math.floor(u)));
      const vi = Math.min(source.height - 2, Math.max(0, Math.floor(v)));
      const fu = Math.min(1, Math.max(0, u - ui));
      const fv = Math.min(1, Math.max(0, v - vi));
      const i = (vi * source.width + ui) * 4;
      const j = i + source.width * 4;
      const out = (y * canvas.width + x) * 3;
      const alpha =
        ((s[i + 3]! * (1 - fu) + s[i + 7]! * fu) * (1 - fv) + (s[j + 3]! * (1 - fu) + s[j + 7]! * fu) * fv) / 255;
      for (let c = 0; c < 3; c++) {
        const value =
          (s[i + c]! * (1 - fu) + s[i + 4 + c]! * fu) * (1 - fv) + (s[j + c]! * (1 - fu) + s[j + 4 + c]! * fu) * fv;
        canvas.data[out + c] = Math.round(value * alpha + canvas.data[out + c]! * (1 - alpha));
      }
    }
  }
}
