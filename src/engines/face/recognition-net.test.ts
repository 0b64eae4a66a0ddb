import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_LENGTH, faceApiPaths } from './recognition-net.js';

describe('recognition net files', () => {
  it("loads face-api's node-wasm build and its model from the installed package", () => {
    const paths = faceApiPaths();
    expect(path.basename(paths.build)).toBe('face-api.node-wasm.js');
    expect(paths.models.split(path.sep)).toContain('node_modules');
    // The weights ship inside the package (6.4 MB), not as a pointer to a download.
    expect(statSync(path.join(paths.models, 'face_recognition_model.bin')).size).toBeGreaterThan(6_000_000);
    expect(existsSync(path.join(paths.models, 'face_recognition_model-weights_manifest.json'))).toBe(true);
    expect(DESCRIPTOR_LENGTH).toBe(128);
  });
});
