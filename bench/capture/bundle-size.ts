import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Sizes {
  js: number;
  css: number;
  files: number;
}

export const gzipSize = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** Every JavaScript and CSS file the build holds (the app, its styles, every language chunk), gzipped -9. */
export async function buildSizes(distDir: string): Promise<Sizes> {
  const dir = path.join(distDir, 'assets');
  const sizes: Sizes = { js: 0, css: 0, files: 0 };
  for (const name of await readdir(dir)) {
    const kind = path.extname(name) === '.js' ? 'js' : path.extname(name) === '.css' ? 'css' : null;
    if (!kind) continue;
    sizes[kind] += gzipSize(await readFile(path.join(dir, name)));
    sizes.files++;
  }
  return sizes;
}
