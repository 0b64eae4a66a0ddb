import type { Presentation, Split } from './face-samples.js';

/** One simulated capture and what the face models said about its largest face (none when no face was found). */
export interface FaceScore {
  file: string;
  identity: string;
  split: Split;
  presentation: Presentation;
  seed: number;
  faces: number;
  antispoof?: number;
  liveness?: number;
}
