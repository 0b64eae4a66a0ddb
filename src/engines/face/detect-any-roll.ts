import { detectFaces, type FaceModels } from './detect-faces.js';
import type { PreparedPhoto } from './prepare.js';
import { turnPrepared, unturnBox, type QuarterTurns } from './rotate.js';
import type { DetectedFace } from './types.js';

/**
 * The detector finds faces rolled up to about 40 degrees and few beyond: on corpus faces turned in the image it found
 * 11 of 11 at 40 degrees, 9 at 50, 7 at 60 and 1 at 90. Past 45 degrees even a face it finds gets landmarks too poor
 * to align (a face rolled 60 degrees matched its upright self at `low`). A quarter turn brings a face rolled 45-135
 * degrees back within reach, a half turn one upside down.
 */
const FALLBACK_TURNS: readonly QuarterTurns[] = [1, 3, 2];

/** Roll beyond which the face is detected again on a copy turned towards upright. */
const MAX_UPRIGHT_ROLL = 45;

/**
 * Faces in the image as given, or on a quarter-turned copy when none was found or the largest leans past 45 degrees,
 * with boxes mapped back to the image as given. Landmark alignment (align.ts) then levels each face by its eyes.
 * An upright photo costs nothing more; a photo without any face costs three more detections.
 */
export async function detectFacesAnyRoll(models: FaceModels, photo: PreparedPhoto): Promise<DetectedFace[]> {
  const upright = await detectFaces(models, photo);
  const roll = upright[0]?.roll ?? 0;
  if (upright.length > 0 && Math.abs(roll) <= MAX_UPRIGHT_ROLL) return upright;
  // A face leaning by `roll` clockwise comes upright after turning the image back by about as many quarter turns.
  const towardsUpright = (((-Math.round(roll / 90) % 4) + 4) % 4) as 0 | QuarterTurns;
  const tries = upright.length > 0 ? (towardsUpright === 0 ? [] : [towardsUpright]) : FALLBACK_TURNS;
  let best: { faces: DetectedFace[]; turns: QuarterTurns; lean: number } | undefined;
  for (const turns of tries) {
    const faces = await detectFaces(models, turnPrepared(photo, turns));
    if (faces.length === 0) continue;
    // The turn that shows the face most upright wins: a face 150 degrees over is also found, badly, a quarter turn away.
    const lean = Math.abs(faces[0]!.roll ?? 0);
    if (!best || lean < best.lean) best = { faces, turns, lean };
    if (lean <= MAX_UPRIGHT_ROLL) break;
  }
  if (best) {
    const { faces, turns } = best;
    return faces.map((face) => ({
      ...face,
      box: unturnBox(face.box, turns, photo.originalWidth, photo.originalHeight),
      roll: normaliseDegrees((face.roll ?? 0) - 90 * turns),
    }));
  }
  return upright;
}

/** An angle in (-180, 180]. */
const normaliseDegrees = (degrees: number): number => {
  const wrapped = ((degrees % 360) + 360) % 360;
  return wrapped > 180 ? wrapped - 360 : wrapped;
};
