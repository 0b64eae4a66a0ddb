import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface AppFile {
  bytes: Buffer;
  contentType: string;
}

export interface CaptureAppFiles {
  /** index.html with `__CSP_NONCE__` where each response's nonce goes. */
  indexTemplate: string;
  /** The hashed build files, by name. */
  assets: ReadonlyMap<string, AppFile>;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The capture app's build (`web/capture/dist`), read into memory once: it is small (a few hundred KB),
 * and serving from memory means a request never names a path on disk. Undefined while it has not
 * been built (`npm run build`).
 */
export function loadCaptureApp(dir: string): CaptureAppFiles | undefined {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  const assets = new Map<string, AppFile>();
  const assetDir = path.join(dir, 'assets');
  for (const name of existsSync(assetDir) ? readdirSync(assetDir) : []) {
    const contentType = contentTypes[path.extname(name)];
    if (contentType) assets.set(name, { bytes: readFileSync(path.join(assetDir, name)), contentType });
  }
  return { indexTemplate: readFileSync(index, 'utf8'), assets };
}
