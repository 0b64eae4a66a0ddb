/** A rectangle in the pixels of the image as given (after EXIF orientation). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedFace {
  box: FaceBox;
  /** Detector confidence, 0..1. */
  score: number;
  /** Identity descriptor (128 values, dlib's face recognition net); compare two with `faceSimilarity`. */
  embedding: Float32Array;
  /** Degrees the face leans in the image, clockwise positive (from its eye and nose landmarks); 0 = upright. */
  roll?: number;
  /** Anti-spoofing model: 0..1, higher = more likely a real face than a photo of a photo or screen. */
  antispoof?: number;
  /** Liveness model: 0..1, higher = more likely a live face. Single-frame models: a hint, not a liveness check. */
  liveness?: number;
}

export type SimilarityLevel = 'veryLow' | 'low' | 'medium' | 'high';

/** Which input had no face; `none` when both had one and they were compared. */
export type MissingFace = 'none' | 'a' | 'b' | 'both';

export interface FaceComparison {
  /**
   * Similarity of the two largest faces: 1 - (Euclidean distance of their descriptors) / 1.2, clamped to 0..1
   * (see similarity.ts); 0 when a face is missing.
   */
  similarity: number;
  similarityLevel: SimilarityLevel;
  /** FaceTec's scale: 0 = non-match, 1 = 1/100 FAR ... 8 = 1/1,000,000 FAR (see thresholds.ts for what we can back). */
  matchLevel: number;
  /** Faces found in each image; the largest one of each is compared. */
  faces: { a: number; b: number };
  missingFace: MissingFace;
  /** Liveness score of the face in `b` (the probe, e.g. the selfie), when the model produced one. */
  liveness?: number;
  /** Anti-spoofing score of the face in `b`, when the model produced one; `looksLive` turns both into a verdict. */
  antispoof?: number;
  /** Wall time of the whole comparison, decoding included. */
  ms: number;
}

export interface Portrait {
  /** The largest face with a margin around it, as JPEG. */
  jpeg: Buffer;
  /** The crop in the document image's pixels. */
  box: FaceBox;
  /** The face itself, in the document image's pixels. */
  face: DetectedFace;
}

/**
 * Face detection and comparison, loaded once and shared: calls are queued, one at a time.
 *
 * @example
 * const engine = await createFaceEngine();
 * const { similarityLevel, matchLevel } = await engine.compare(documentPhoto, selfie);
 * await engine.close();
 */
export interface FaceEngine {
  /** All faces found, largest first. */
  detect(image: Buffer): Promise<DetectedFace[]>;
  /** The document's portrait (its largest face), or null when it has none. */
  portrait(documentImage: Buffer): Promise<Portrait | null>;
  /** Compares the largest face of `a` (the reference, e.g. the document) with the largest face of `b` (the probe). */
  compare(a: Buffer, b: Buffer): Promise<FaceComparison>;
  /** Frees the model memory; later calls reject. */
  close(): Promise<void>;
}
