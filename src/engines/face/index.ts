export { createFaceEngine } from './engine.js';
export { cosineSimilarity, euclideanDistance, faceSimilarity } from './similarity.js';
export type { DetectedFace, FaceEngine } from './types.js';
