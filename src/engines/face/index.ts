export { createFaceEngine } from './engine.js';
export { DETECT_PADDING, MAX_DETECT_SIDE } from './prepare.js';
export { MIN_FACE_SCORE } from './detect-faces.js';
export { FaceEngineLoadError } from './load-human.js';
export { cosineSimilarity, euclideanDistance, faceSimilarity, ZERO_SIMILARITY_DISTANCE } from './similarity.js';
export { matchLevelOf, similarityLevelOf } from './levels.js';
export { MATCH_LEVELS, SIMILARITY_LEVELS } from './thresholds.js';
export type {
  DetectedFace,
  FaceBox,
  FaceComparison,
  FaceEngine,
  MissingFace,
  Portrait,
  SimilarityLevel,
} from './types.js';
