import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The reference material laid beside the repository, read by tests only: the upstream API
 * (../shared/spec, or OPENASSURE_UPSTREAM_SPEC) and the test corpus (../shared/corpus, or
 * OPENASSURE_CORPUS). Every test that needs a piece of it asks `sharedMaterial` whether it is there.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const upstreamSpecPath =
  process.env.OPENASSURE_UPSTREAM_SPEC ?? path.resolve(repoRoot, '../shared/spec/assure-openapi.json');
export const specDir = path.dirname(upstreamSpecPath);
export const corpusDir = process.env.OPENASSURE_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');

/** A file of the corpus, by its path inside the corpus. */
export const corpusFile = (relative: string): string => path.join(corpusDir, relative);

/** CI sets CI (to `true`, `1`, ...); `false` or `0` say it is not CI. */
const inCi = (): boolean => !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
const reported = new Set<string>();

/**
 * Whether `file` of the shared material is there. Outside CI a missing one is skipped, saying so once
 * per file; in CI it is an error, thrown where the test file asks, so that a CI run cannot pass
 * without the compatibility and corpus checks it was meant to run.
 */
export function sharedMaterial(what: string, file: string): boolean {
  if (existsSync(file)) return true;
  const reason = `Not found: ${what} (${file})`;
  if (inCi()) {
    throw new Error(
      `${reason}. In CI the shared material must be present (lay ../shared beside the repository, or set OPENASSURE_UPSTREAM_SPEC and OPENASSURE_CORPUS).`,
    );
  }
  if (!reported.has(file)) {
    reported.add(file);
    console.warn(`${reason}: the tests that need it are skipped (set OPENASSURE_CORPUS / OPENASSURE_UPSTREAM_SPEC).`);
  }
  return false;
}
