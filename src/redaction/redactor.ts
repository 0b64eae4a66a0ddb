import type { Engines } from '../engines/pool/types.js';
import type { Box } from './boxes.js';
import type { RedactionLevel } from './fields.js';
import { locateFields, needsViz, needsWords, type ImageFindings, type Location } from './locate.js';
import { withMargin } from './margins.js';
import { paintBoxes, type PaintableType } from './paint.js';

export interface RedactionImage {
  bytes: Buffer;
  contentType: PaintableType;
}

export interface RedactionRequest {
  /** The sides of one document (front, back): a field may show on either. */
  images: readonly RedactionImage[];
  fields: readonly string[];
  level: RedactionLevel;
}

export interface RedactionOutcome {
  located: string[];
  missing: Location['missing'];
  /** Same order as the request's images; only when every requested field was located. */
  images?: RedactionImage[];
  /** The boxes painted, margins included, per image (no personal data: positions only). */
  boxes?: Box[][];
}

/** The engine work redaction needs; the engine pool provides it in worker threads. */
export type RedactionEngines = Pick<Engines, 'readMrz' | 'detectFaces' | 'findWords' | 'readVisualZone'>;

/**
 * Finds the requested fields on the document's images and paints them over. All or nothing: when a
 * field cannot be found, no image is painted at all, so a caller never holds a half-redacted copy
 * that looks finished.
 *
 * @example
 * const outcome = await redact(engines, { images: [front], fields: ['photo'], level: 'standard' });
 * if (outcome.images) send(outcome.images[0]);
 */
export async function redact(engines: RedactionEngines, request: RedactionRequest): Promise<RedactionOutcome> {
  const words = needsWords(request.fields);
  const wantsFaces = request.fields.includes('photo');
  const findings: ImageFindings[] = [];
  for (const image of request.images) {
    const [mrz, faces, found] = await Promise.all([
      engines.readMrz(image.bytes),
      wantsFaces ? engines.detectFaces(image.bytes) : Promise.resolve([]),
      words ? engines.findWords(image.bytes) : Promise.resolve(undefined),
    ]);
    findings.push({ mrz, faces, ...(found && { words: found }) });
  }
  if (needsViz(request.fields)) await readVisualZones(engines, request.images, findings);
  const location = locateFields(request.fields, findings);
  if (location.missing.length > 0) return { located: location.located, missing: location.missing };
  const boxes = location.boxes.map((list) => list.map((box) => withMargin(box, request.level)));
  const images: RedactionImage[] = [];
  for (const [i, image] of request.images.entries()) {
    images.push({ bytes: await paintBoxes(image.bytes, image.contentType, boxes[i]!), contentType: image.contentType });
  }
  return { located: location.located, missing: [], images, boxes };
}

const hasMrz = (finding: ImageFindings): boolean => finding.mrz.format !== 'unknown' && finding.mrz.box !== undefined;

/**
 * Reads the printed fields of each image with the VIZ reader, which places them from the MRZ: the MRZ
 * of the same image (passports, TD2), or else the one read on the other side (the front of a TD1 card).
 */
async function readVisualZones(
  engines: RedactionEngines,
  images: readonly RedactionImage[],
  findings: ImageFindings[],
): Promise<void> {
  const elsewhere = findings.find(hasMrz)?.mrz;
  if (!elsewhere) return;
  for (const [i, finding] of findings.entries()) {
    const own = hasMrz(finding);
    finding.viz = await engines.readVisualZone(images[i]!.bytes, own ? finding.mrz : elsewhere, { mrzOnImage: own });
  }
}
