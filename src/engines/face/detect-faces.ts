import { chipTransform, extractChip, MESH_TEMPLATE_POINTS } from './align.js';
import type { HumanFace, HumanInstance } from './human-api.js';
import type { PreparedPhoto } from './prepare.js';
import type { RecognitionNet } from './recognition-net.js';
import type { DetectedFace, FaceBox } from './types.js';

/**
 * Faces scoring below this are dropped. On the corpus every real face scored 0.99 or more (small, blurred, partial
 * and grey faces included); the two spurious detections seen while tuning (a shoulder and a background patch in
 * 150 px crops, before edge padding was added) scored 0.29 and 0.45 (see bench/faces).
 */
export const MIN_FACE_SCORE = 0.6;

/** The models detectFaces runs: human finds faces and their landmarks, the recognition net describes them. */
export interface FaceModels {
  human: HumanInstance;
  recognition: RecognitionNet;
}

/** A face human found, with the landmarks the alignment needs. */
export function hasLandmarks(face: HumanFace): boolean {
  return MESH_TEMPLATE_POINTS.every((index) => (face.mesh[index]?.length ?? 0) >= 2);
}

/**
 * Runs human on prepared RGB pixels, then the recognition net on each face aligned by its landmarks; returns faces
 * in the original image's pixels, largest first.
 */
export async function detectFaces(models: FaceModels, image: PreparedPhoto): Promise<DetectedFace[]> {
  const { human, recognition } = models;
  const tensor = human.tf.tensor3d(Int32Array.from(image.data), [image.height, image.width, 3], 'int32');
  let faces: HumanFace[];
  try {
    const result = await human.detect(tensor);
    if (result.error) throw new Error(`face detection failed: ${result.error}`);
    faces = result.face;
  } finally {
    tensor.dispose();
  }
  const kept = faces
    .filter((face) => face.score >= MIN_FACE_SCORE && hasLandmarks(face))
    .sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
  const detected: DetectedFace[] = [];
  for (const face of kept) {
    const transform = chipTransform(face.mesh);
    const chip = extractChip(image, transform);
    const detectedFace = toDetectedFace(face, image, await recognition.describe(chip));
    // The chip-to-image rotation is the face's roll: how far it leans in the image.
    detectedFace.roll = (Math.atan2(transform.b, transform.a) * 180) / Math.PI;
    detected.push(detectedFace);
  }
  return detected;
}

/** Maps a box from prepared pixels (downscaled, padded) to the original image, clipped to it. */
function toOriginalBox(box: readonly [number, number, number, number], image: PreparedPhoto): FaceBox {
  const [x, y, width, height] = box;
  const left = Math.max(0, Math.round((x - image.padX) * image.scale));
  const top = Math.max(0, Math.round((y - image.padY) * image.scale));
  const right = Math.min(image.originalWidth, Math.round((x + width - image.padX) * image.scale));
  const bottom = Math.min(image.originalHeight, Math.round((y + height - image.padY) * image.scale));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

function toDetectedFace(face: HumanFace, image: PreparedPhoto, embedding: Float32Array): DetectedFace {
  const detected: DetectedFace = { box: toOriginalBox(face.box, image), score: face.score, embedding };
  if (face.real !== undefined) detected.antispoof = face.real;
  if (face.live !== undefined) detected.liveness = face.live;
  return detected;
}
