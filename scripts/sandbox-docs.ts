/**
 * Writes docs/sandbox.md from the scenarios themselves, so the catalogue in the docs cannot drift from
 * the code (a test checks that the file is current).
 *
 *   npx tsx scripts/sandbox-docs.ts          # rewrite docs/sandbox.md
 *   npx tsx scripts/sandbox-docs.ts --check  # exit 1 if it is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSandboxDocs } from '../src/sandbox/docs.js';

const file = fileURLToPath(new URL('../docs/sandbox.md', import.meta.url));
const rendered = renderSandboxDocs();
if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8');
  if (current !== rendered) {
    console.error('docs/sandbox.md is out of date: run npx tsx scripts/sandbox-docs.ts');
    process.exit(1);
  }
} else {
  writeFileSync(file, rendered);
  console.log(`wrote ${file}`);
}
