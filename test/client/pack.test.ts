import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm pack of the SDK', () => {
  it('builds and packs the compiled client, its types and the OpenAPI document, and no sources or tests', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', 'packages/client'], {
      cwd: root,
      encoding: 'utf8',
    });
    const [packed] = JSON.parse(output.slice(output.indexOf('['))) as { name: string; files: { path: string }[] }[];
    const files = packed!.files.map((file) => file.path).sort();
    expect(packed!.name).toBe('@openassure/client');
    expect(files).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/schema.d.ts', 'openapi.json', 'package.json']),
    );
    expect(files.filter((file) => file.startsWith('src/') || file.endsWith('.test.js'))).toEqual([]);
  }, 120_000);
});
