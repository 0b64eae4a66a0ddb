import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderSandboxDocs } from './docs.js';

it('docs/sandbox.md lists the scenarios as they are (npx tsx scripts/sandbox-docs.ts rewrites it)', () => {
  const file = readFileSync(fileURLToPath(new URL('../../docs/sandbox.md', import.meta.url)), 'utf8');
  expect(file).toBe(renderSandboxDocs());
});
