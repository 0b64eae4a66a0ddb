import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CONSOLE_APP_DIR = path.join(ROOT, 'web/console');
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/openassure-console-builds');

/** A hash of everything the build reads, so a test never runs against a stale build. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(path.join(CONSOLE_APP_DIR, 'src'), { withFileTypes: true, recursive: true });
  const files = [
    ...entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)),
    ...['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((name) =>
      path.join(CONSOLE_APP_DIR, name),
    ),
  ].sort();
  for (const file of files) {
    hash.update(path.relative(CONSOLE_APP_DIR, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the console app as `npm run build` does, into a cache folder named after the sources' hash, and
 * returns that folder (index.html + assets/). Test files running in parallel share one build per source state.
 */
export async function buildConsoleApp(): Promise<string> {
  const outDir = path.join(CACHE_DIR, await sourceHash());
  if (existsSync(path.join(outDir, 'index.html'))) return outDir;
  const staging = `${outDir}.${process.pid}.tmp`;
  const require = createRequire(path.join(CONSOLE_APP_DIR, 'package.json'));
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  await promisify(execFile)(
    process.execPath,
    [viteBin, 'build', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: CONSOLE_APP_DIR,
    },
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
