/**
 * What the engines found on each image, drawn from the engine output a live verification stored (see
 * the providers' engine-backend.ts): the MRZ band and its lines, faces, and the printed fields the VIZ
 * reader placed, and the blown-out spots the glare check found. Boxes are [x, y, width, height] in the image's pixels. A finding the output does not
 * hold is absent, never guessed; sandbox processes have no engine output and so no findings.
 */
export type Rect = [number, number, number, number];

export interface ImageFindings {
  mrz?: { box: Rect; lines: string[] };
  faces?: Rect[];
  glare?: Rect[];
  fields?: { name: string; value: string; box: Rect }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function rectOf(value: unknown): Rect | undefined {
  if (!isObject(value)) return undefined;
  const { x, y, width, height } = value;
  if ([x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return [x, y, width, height].map((n) => Math.round(n as number)) as Rect;
  }
  return undefined;
}

export function findingsOf(engineOutput: unknown): Partial<Record<string, ImageFindings>> {
  const found: Partial<Record<string, ImageFindings>> = {};
  if (!isObject(engineOutput)) return found;
  const on = (depiction: string): ImageFindings => (found[depiction] ??= {});

  if (isObject(engineOutput.readings)) {
    for (const [side, reading] of Object.entries(engineOutput.readings)) {
      if (!isObject(reading)) continue;
      const box = rectOf(reading.box);
      const lines = Array.isArray(reading.lines) ? reading.lines.filter((l) => typeof l === 'string') : [];
      if (box && lines.length > 0) on(side).mrz = { box, lines };
    }
  }
  // The document's portrait is found on the front image.
  if (isObject(engineOutput.portrait) && isObject(engineOutput.portrait.face)) {
    const face = rectOf(engineOutput.portrait.face.box);
    if (face) on('front').faces = [face];
  }
  // The image checks run on the front (see the engine backends); glare regions are in its pixels.
  const checks = isObject(engineOutput.imageChecks) ? engineOutput.imageChecks : undefined;
  if (checks && isObject(checks.glare) && Array.isArray(checks.glare.regions)) {
    const glare = checks.glare.regions.map(rectOf).filter((rect): rect is Rect => rect !== undefined);
    if (glare.length > 0) on('front').glare = glare;
  }
  // The VIZ reader reads the printed data page, which is on the front.
  const viz = isObject(engineOutput.viz) && isObject(engineOutput.viz.reading) ? engineOutput.viz.reading : undefined;
  if (viz && isObject(viz.fields)) {
    const fields = Object.entries(viz.fields).flatMap(([name, field]) => {
      if (!isObject(field) || typeof field.value !== 'string') return [];
      const box = rectOf(field.box);
      return box ? [{ name, value: field.value, box }] : [];
    });
    if (fields.length > 0) on('front').fields = fields;
  }
  return found;
}
