import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusDir } from '../support/corpus.js';
import { syntheticDocument } from '../support/live-documents.js';
import { runCli } from './run-cli.js';

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the engine commands', () => {
  let dir: string;
  const env = { OPENASSURE_DATA_DIR: '/nonexistent' };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'openassure-cli-'));
    for (const [name, seed, format] of [
      ['passport.png', 3, 'TD3'],
      ['card.png', 11, 'TD1'],
    ] as const) {
      writeFileSync(path.join(dir, name), (await syntheticDocument(seed, format)).image);
    }
    writeFileSync(path.join(dir, 'not-an-image.png'), 'hello');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('mrz read prints one JSON object per image, in input order', async () => {
    const files = ['passport.png', 'card.png'].map((f) => path.join(dir, f));
    const result = await runCli(['mrz', 'read', ...files, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const readings = lines(result.stdout);
    expect(readings.map((r) => r.file)).toEqual(files);
    expect(readings.map((r) => r.format)).toEqual(['TD3', 'TD1']);
    for (const reading of readings) {
      expect(Object.keys(reading).sort()).toEqual([
        'checks',
        'confidence',
        'fields',
        'file',
        'format',
        'lines',
        'ms',
        'valid',
      ]);
      expect(reading.valid).toBe(true);
    }
  });

  it('image check reports each check with its value, verdict and threshold', async () => {
    const result = await runCli(['image', 'check', path.join(dir, 'card.png'), '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const [checks] = lines(result.stdout);
    for (const name of ['resolution', 'blur', 'glare', 'blackAndWhite', 'facePresent']) {
      expect(checks![name], name).toEqual(
        expect.objectContaining({
          value: expect.any(Number),
          passed: expect.any(Boolean),
          threshold: expect.any(Number),
        }),
      );
    }
  });

  it('says which file is not an image, goes on with the others, and exits with 1', async () => {
    const bad = path.join(dir, 'not-an-image.png');
    const good = path.join(dir, 'card.png');
    const result = await runCli(['mrz', 'read', bad, good, '--json'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(bad);
    const [first, second] = lines(result.stdout);
    expect(first).toEqual({ file: bad, error: expect.any(String) });
    expect(second).toMatchObject({ file: good, format: 'TD1' });
  });

  describe.skipIf(!corpusAvailable())('face compare', () => {
    const photo = (name: string) => path.join(corpusDir, 'images/faces/face_recognition', name);

    it('compares two images, and every pair of a --pairs file', async () => {
      const single = await runCli(['face', 'compare', photo('obama.jpg'), photo('obama2.jpg'), '--json'], env);
      expect(single.code, single.stderr).toBe(0);
      const [comparison] = lines(single.stdout);
      expect(Object.keys(comparison!).sort()).toEqual(['a', 'b', 'matchLevel', 'ms', 'similarity', 'similarityLevel']);
      const pairs = path.join(dir, 'pairs.tsv');
      writeFileSync(
        pairs,
        `${photo('obama.jpg')}\t${photo('obama2.jpg')}\n${photo('obama.jpg')}\t${photo('biden.jpg')}\n`,
      );
      const many = await runCli(['face', 'compare', '--pairs', pairs, '--json'], env);
      const [same, different] = lines(many.stdout);
      expect(same!.b).toBe(photo('obama2.jpg'));
      expect(same!.similarity as number).toBeGreaterThan(different!.similarity as number);
    });
  });
});
