import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ensureTextRenders } from './font-check.js';

describe('ensureTextRenders', () => {
  it('passes where fontconfig finds a font (fonts-dejavu-core is installed in CI)', async () => {
    await expect(ensureTextRenders()).resolves.toBeUndefined();
  });

  it('fails where no font is installed, instead of handing out unmarked images', async () => {
    // fontconfig is read once per process, so the font-less case runs in a child with an empty config.
    const dir = mkdtempSync(join(tmpdir(), 'openassure-nofont-'));
    const config = join(dir, 'fonts.conf');
    writeFileSync(config, `<?xml version="1.0"?><fontconfig><cachedir>${dir}</cachedir></fontconfig>`);
    const script = join(dir, 'probe.mjs');
    const module = fileURLToPath(new URL('./font-check.ts', import.meta.url));
    writeFileSync(
      script,
      `const { ensureTextRenders } = await import(${JSON.stringify(module)});\n` +
        `await ensureTextRenders().then(() => console.log('renders'), (e) => console.log(e.message));\n`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, FONTCONFIG_FILE: config },
    });
    expect(stdout).toContain('Install fonts-dejavu-core');
  }, 30_000);
});
