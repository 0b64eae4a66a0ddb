import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/time.js';
import { verifyChip, type ChipReport } from '../chip/verify-chip.js';
import { writePortrait } from './chip-portrait.js';
import { trustFrom } from './csca.js';
import { UsageError } from './usage.js';

/**
 * `chip verify DIR`: passive and active authentication of what an app read from a chip, saved as
 * `sod.bin`, `dg1.bin`, `dg2.bin`... (and `aa-challenge.bin` + `aa-signature.bin` for Active
 * Authentication). Prints every check; the exit code is 1 when the chip verification failed.
 * `--portrait FILE` also writes the DG2 face out (JPEG 2000 decoded to PNG).
 */
export async function chipCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'verify') throw new UsageError(`Unknown command 'chip ${action ?? ''}'.`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { json: { type: 'boolean' }, csca: { type: 'string' }, portrait: { type: 'string' } },
    allowPositionals: true,
  });
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new UsageError('chip verify needs one folder.');
  const names = new Set(await readdir(dir));
  if (!names.has('sod.bin')) throw new UsageError(`${dir} holds no sod.bin.`);
  const dataGroups = new Map<number, Buffer>();
  for (const name of names) {
    const match = /^dg(\d{1,2})\.bin$/i.exec(name);
    if (match) dataGroups.set(Number(match[1]), await readFile(join(dir, name)));
  }
  const aa = names.has('aa-challenge.bin') && names.has('aa-signature.bin');
  const trust = await trustFrom(values.csca);
  if (!trust) console.error('openassure: no trust store (OPENASSURE_CSCA_PATH or --csca): no CSCA is trusted.');
  const report = verifyChip(
    {
      files: { sod: await readFile(join(dir, 'sod.bin')), dataGroups },
      ...(aa && {
        activeAuthentication: {
          challenge: await readFile(join(dir, 'aa-challenge.bin')),
          signature: await readFile(join(dir, 'aa-signature.bin')),
        },
      }),
      // No server issued the challenge: the signature is checked, a replay cannot be ruled out.
      challenge: 'reported',
      today: systemClock.today(),
    },
    trust ?? { certificates: [], revocationLists: [] },
  );
  console.log(values.json ? JSON.stringify(report) : readable(report));
  // On stderr, so that --json output stays one JSON document.
  if (values.portrait) console.error(await writePortrait(report, dataGroups.get(2), values.portrait));
  if (report.chipVerification !== 'SUCCEEDED') process.exitCode = 1;
}

const marks = { SUCCEEDED: 'ok  ', FAILED: 'FAIL', NOT_CHECKED: ' -  ', NOT_PRESENT: ' -  ', NOT_AVAILABLE: ' -  ' };

function readable(report: ChipReport): string {
  return [
    `chipVerification: ${report.chipVerification}   chipCloneDetection: ${report.chipCloneDetection}`,
    ...report.checks.map((c) => `  ${marks[c.verdict]} ${c.id}: ${c.reason}`),
    ...report.dataGroups.map((g) => `  ${marks[g.verdict]} DG${g.dataGroup}: ${g.reason}`),
  ].join('\n');
}
