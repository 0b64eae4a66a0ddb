import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, sharedMaterial } from '../../../test/support/shared-material.js';
import { InvalidImageError } from '../image/decode.js';
import { createFaceEngine } from './engine.js';
import { DESCRIPTOR_LENGTH } from './recognition-net.js';
import { MATCH_LEVELS, SIMILARITY_LEVELS } from './thresholds.js';
import type { FaceEngine } from './types.js';

const FACES = corpusFile('images/faces');
const corpus = sharedMaterial('the face corpus', path.join(FACES, 'faces.json'));
const photo = (file: string): Buffer => readFileSync(path.join(FACES, file));

const blank = (): Promise<Buffer> =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#d8d4cc' } })
    .png()
    .toBuffer();

let engine: FaceEngine;
beforeAll(async () => {
  engine = await createFaceEngine();
});
afterAll(async () => {
  await engine?.close();
});

describe('face engine', () => {
  it('finds no face on a blank image, and compare says which side had none', async () => {
    expect(await engine.detect(await blank())).toEqual([]);
    const both = await engine.compare(await blank(), await blank());
    expect(both).toMatchObject({ similarity: 0, similarityLevel: 'veryLow', matchLevel: 0, missingFace: 'both' });
    expect(both.faces).toEqual({ a: 0, b: 0 });
    expect(await engine.portrait(await blank())).toBeNull();
  });

  it('rejects input that is not an image with a typed error', async () => {
    await expect(engine.detect(Buffer.from('not an image'))).rejects.toBeInstanceOf(InvalidImageError);
    await expect(engine.compare(Buffer.alloc(0), await blank())).rejects.toBeInstanceOf(InvalidImageError);
  });

  it.skipIf(!corpus)('finds the one face of a portrait photo, in image pixels, with an embedding', async () => {
    const image = photo('face_recognition/obama.jpg');
    const { width, height } = await sharp(image).metadata();
    const faces = await engine.detect(image);
    expect(faces).toHaveLength(1);
    const [face] = faces;
    expect(face!.score).toBeGreaterThan(0.9);
    expect(face!.embedding).toHaveLength(DESCRIPTOR_LENGTH);
    expect(face!.box.x + face!.box.width).toBeLessThanOrEqual(width!);
    expect(face!.box.y + face!.box.height).toBeLessThanOrEqual(height!);
    // A face, not the whole frame: between 10% and 90% of the image width.
    expect(face!.box.width).toBeGreaterThan(0.1 * width!);
    expect(face!.box.width).toBeLessThan(0.9 * width!);
    for (const score of [face!.antispoof, face!.liveness]) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it.skipIf(!corpus)('counts both faces of a group photo and reports a missing face on one side', async () => {
    const pair = await engine.compare(photo('face_recognition/knn_test__kit_with_rose.jpg'), await blank());
    expect(pair).toMatchObject({ faces: { a: 2, b: 0 }, missingFace: 'b', similarity: 0, matchLevel: 0 });
  });

  it.skipIf(!corpus)('scores known same-person pairs `high` and different-person pairs `veryLow`', async () => {
    const samePairs = [
      ['face_recognition/obama.jpg', 'face_recognition/obama2.jpg'],
      ['face_recognition/obama.jpg', 'face_recognition/obama3.jpg'],
      ['face_recognition/biden.jpg', 'face_recognition/knn_train__biden__biden2.jpg'],
      ['face-api.js/sheldon/sheldon1.png', 'face-api.js/sheldon/sheldon2.png'],
    ];
    const differentPairs = [
      ['face_recognition/obama.jpg', 'face_recognition/biden.jpg'],
      ['face_recognition/obama2.jpg', 'face_recognition/knn_train__biden__biden2.jpg'],
      ['face-api.js/sheldon/sheldon1.png', 'face-api.js/raj/raj1.png'],
      ['face_recognition/knn_train__rose_leslie__img1.jpg', 'face_recognition/knn_train__kit_harington__john1.jpeg'],
    ];
    const score = async ([a, b]: string[]) => (await engine.compare(photo(a!), photo(b!))).similarity;
    const same = await Promise.all(samePairs.map(score));
    const different = await Promise.all(differentPairs.map(score));
    // On the corpus these scored 0.67-0.72 and 0.30-0.34 (bench/faces).
    for (const similarity of same) expect(similarity).toBeGreaterThanOrEqual(SIMILARITY_LEVELS.high);
    // Including the source-asserted pair (face_recognition's own test): Obama and Biden do not match.
    for (const similarity of different) expect(similarity).toBeLessThan(SIMILARITY_LEVELS.low);
  });

  it.skipIf(!corpus)('matches a photo with its mirror image and with a small grey copy of itself', async () => {
    const image = photo('face_recognition/obama2.jpg');
    const mirrored = await sharp(image).flop().jpeg().toBuffer();
    const small = await sharp(image).resize({ width: 240 }).greyscale().jpeg({ quality: 70 }).toBuffer();
    for (const probe of [mirrored, small]) {
      const result = await engine.compare(image, probe);
      expect(result.similarityLevel).toBe('high');
      expect(result.matchLevel).toBeGreaterThanOrEqual(MATCH_LEVELS[3]!.level);
    }
  });

  it.skipIf(!corpus)('crops the document portrait with a margin, and the crop still holds that face', async () => {
    const document = photo('face_recognition/obama_small.jpg');
    const portrait = await engine.portrait(document);
    expect(portrait).not.toBeNull();
    const { box, face, jpeg } = portrait!;
    expect(box.x).toBeLessThanOrEqual(face.box.x);
    expect(box.y).toBeLessThanOrEqual(face.box.y);
    expect(box.width).toBeGreaterThan(face.box.width);
    const meta = await sharp(jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', box.width, box.height]);
    const again = await engine.compare(document, jpeg);
    expect(again.faces.b).toBe(1);
    // The same photo, re-detected in the crop: 0.92 on the corpus, above the highest match level.
    expect(again.matchLevel).toBe(MATCH_LEVELS.at(-1)!.level);
  });
});
