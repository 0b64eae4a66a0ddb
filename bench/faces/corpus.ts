import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus sits beside the repository; it is read in place, never copied. */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const FACES_JSON = path.join(CORPUS_DIR, 'images/faces/faces.json');

interface FacesJson {
  images: { file: string; identity: string | string[]; facesInImage: number }[];
  pairs: { a: string; b: string; same: boolean; provenance: string }[];
}

export interface CorpusImage {
  file: string;
  /** Absolute path. */
  path: string;
  /** One identity, or several joined by '+' for group photos. */
  identity: string;
  facesInImage: number;
}

export interface LabelledPair {
  a: CorpusImage;
  b: CorpusImage;
  same: boolean;
  sourceAsserted: boolean;
}

export interface FaceCorpus {
  images: CorpusImage[];
  /** The pairs faces.json labels (source-asserted or derived from identity labels). */
  labelled: LabelledPair[];
  /** Every pair of single-person images, labelled by identity: many more different-person pairs. */
  allPairs: LabelledPair[];
}

export function faceCorpusAvailable(): boolean {
  return existsSync(FACES_JSON);
}

export function loadFaceCorpus(): FaceCorpus {
  const json = JSON.parse(readFileSync(FACES_JSON, 'utf8')) as FacesJson;
  const images = json.images.map((image) => ({
    file: image.file,
    path: path.join(CORPUS_DIR, image.file),
    identity: Array.isArray(image.identity) ? image.identity.join('+') : image.identity,
    facesInImage: image.facesInImage,
  }));
  const byFile = new Map(images.map((image) => [image.file, image]));
  const find = (file: string): CorpusImage => {
    const image = byFile.get(file);
    if (!image) throw new Error(`faces.json pair names an unknown image: ${file}`);
    return image;
  };
  const labelled = json.pairs.map((pair) => ({
    a: find(pair.a),
    b: find(pair.b),
    same: pair.same,
    sourceAsserted: pair.provenance === 'source-asserted',
  }));
  const singles = images.filter((image) => image.facesInImage === 1 && !image.identity.includes('+'));
  const allPairs: LabelledPair[] = [];
  for (let i = 0; i < singles.length; i++) {
    for (let j = i + 1; j < singles.length; j++) {
      const a = singles[i]!;
      const b = singles[j]!;
      allPairs.push({ a, b, same: a.identity === b.identity, sourceAsserted: false });
    }
  }
  return { images, labelled, allPairs };
}
