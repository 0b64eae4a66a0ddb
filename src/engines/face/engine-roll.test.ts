import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, sharedMaterial } from '../../../test/support/shared-material.js';
import { createFaceEngine } from './engine.js';
import type { FaceBox, FaceEngine } from './types.js';

const FACES = corpusFile('images/faces');
const corpus = sharedMaterial('the face corpus', path.join(FACES, 'faces.json'));
const photo = (file: string): Buffer => readFileSync(path.join(FACES, file));

let engine: FaceEngine;
beforeAll(async () => {
  engine = await createFaceEngine();
});
afterAll(async () => {
  await engine?.close();
});

const overlap = (a: FaceBox, b: FaceBox): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
};

describe.skipIf(!corpus)('faces rolled in the image (tilted head, phone held sideways)', () => {
  // Two identities from two sources; none of these rolls is found without the quarter-turn fallback.
  const files = ['face_recognition/obama2.jpg', 'human/person-lauren.jpg'];

  it.each(files)('finds %s turned 90 degrees either way and upside down, where the face really is', async (file) => {
    const image = photo(file);
    const { width, height } = await sharp(image).metadata();
    const [upright] = await engine.detect(image);
    expect(upright).toBeDefined();
    for (const angle of [90, 180, 270]) {
      const turned = await sharp(image).rotate(angle).jpeg({ quality: 92 }).toBuffer();
      const faces = await engine.detect(turned);
      expect(faces, `${angle} degrees`).toHaveLength(1);
      // Where the upright face lands after sharp's clockwise turn.
      const { x, y, width: w, height: h } = upright!.box;
      const expected =
        angle === 90
          ? { x: height! - y - h, y: x, width: h, height: w }
          : angle === 180
            ? { x: width! - x - w, y: height! - y - h, width: w, height: h }
            : { x: y, y: width! - x - w, width: h, height: w };
      expect(overlap(faces[0]!.box, expected), `${angle} degrees`).toBeGreaterThan(0.6);
    }
  });

  it.each(files)('matches %s rolled 30, 60, 75 and 120 degrees with its upright self', async (file) => {
    const image = photo(file);
    for (const angle of [30, 60, -75, 120]) {
      const rolled = await sharp(image).rotate(angle, { background: '#7f7f7f' }).jpeg({ quality: 92 }).toBuffer();
      const result = await engine.compare(image, rolled);
      expect(result.missingFace, `${angle} degrees`).toBe('none');
      expect(result.similarityLevel, `${angle} degrees`).toBe('high');
    }
  });
});
