import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type WebApp = 'capture' | 'console';
const appDir = (app: WebApp) => path.join(ROOT, 'web', app);
export const CAPTURE_APP_DIR = appDir('capture');
const cacheDir = (app: WebApp) => path.join(ROOT, `node_modules/.cache/openassure-${app}-builds`);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of everything the build reads, so a test never runs against a stale build. */
async function sourceHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await filesUnder(path.join(dir, 'src'))),
    ...['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((name) => path.join(dir, name)),
  ];
  for (const file of files) {
    hash.update(path.relative(dir, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds a web app as `npm run build` does, into a cache folder named after the sources' hash, and returns
 * that folder (index.html + assets/). Test files running in parallel share one build per source state.
 */
async function buildWebApp(app: WebApp): Promise<string> {
  const dir = appDir(app);
  const outDir = path.join(cacheDir(app), await sourceHash(dir));
  if (existsSync(path.join(outDir, 'index.html'))) return outDir;
  const staging = `${outDir}.${process.pid}.tmp`;
  const require = createRequire(path.join(dir, 'package.json'));
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  await promisify(execFile)(
    process.execPath,
    [viteBin, 'build', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: dir },
  );
  try {
    await rename(staging, outDir);
  } catch (error) {
    // Another test file finished the same build first; its copy is identical.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(outDir, 'index.html'))) throw error;
  }
  return outDir;
}

export const buildCaptureApp = () => buildWebApp('capture');
export const buildConsoleApp = () => buildWebApp('console');
