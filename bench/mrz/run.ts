/**
 * MRZ reading from images: synthetic documents at three capture qualities, and the real specimen
 * images of the shared corpus whose MRZ is known. Prints markdown.
 *
 *   npx tsx bench/mrz/run.ts [--count 200] [--seed 1] [--quality clean,scan,photo] [--no-corpus] [--failures]
 *                            [--model-dir DIR]   (another mrz.traineddata, to compare with the committed one)
 *
 * The held-out generator (bench/mrz/heldout/: ID cards and passports drawn differently, qualities
 * clean, scan, photo, harsh), in its tuning part, its held-out part, or both:
 *
 *   npx tsx bench/mrz/run.ts --generator heldout --part tuning,heldout [--count 20] [--family td1,td3]
 *                            [--quality clean,scan,photo,harsh] [--no-corpus] [--failures]
 *
 * One reader (one tesseract.js worker) reads one image at a time, so a read uses one core; the CPU
 * column (process CPU time over wall time while reading) shows it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createMrzReader, type MrzReader } from '../../src/engines/ocr/index.js';
import { generateDocument, type SyntheticQuality } from '../../test/support/synthetic/generate.js';
import { describeRun } from '../shared/machine.js';
import { heldoutSets } from './heldout/sets.js';
import { fixed, percentile } from '../shared/stats.js';
import { loadSpecimens } from './corpus.js';
import { score, type Outcome, type Score } from './score.js';

const { values: flags } = parseArgs({
  options: {
    count: { type: 'string' },
    seed: { type: 'string', default: '1' },
    quality: { type: 'string' },
    generator: { type: 'string', default: 'project' },
    part: { type: 'string', default: 'tuning' },
    family: { type: 'string', default: 'td1,td3' },
    'no-corpus': { type: 'boolean', default: false },
    'model-dir': { type: 'string' },
    failures: { type: 'boolean', default: false },
  },
});
const heldout = flags.generator === 'heldout';
if (!heldout && flags.generator !== 'project')
  throw new Error(`--generator: project or heldout, not ${flags.generator}`);
const count = Number(flags.count ?? (heldout ? 20 : 200));
const firstSeed = Number(flags.seed);
const qualities = (flags.quality ?? (heldout ? 'clean,scan,photo,harsh' : 'clean,scan,photo')).split(',');
// Dates on the synthetic documents are relative to 2026-01-01; read them on the same day.
const today = '2026-01-01';
// libvips would otherwise decode with a thread per core: keep the whole read on one core.
sharp.concurrency(1);

interface Timed {
  outcome: Outcome;
  cpuMs: number;
}

async function timedRead(reader: MrzReader, image: Buffer, expected: string[]): Promise<Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const reading = await reader.read(image);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { outcome: { expected, reading, ms: wall, cpuMs }, cpuMs };
}

function report(label: string, s: Score, cpuMs: number): string {
  const pct = (n: number, of: number) => (of === 0 ? 'n/a' : `${fixed((100 * n) / of)}%`);
  const wall = s.times.reduce((a, b) => a + b, 0);
  return `| ${label} | ${s.documents} | ${pct(s.fullyCorrect, s.documents)} | ${pct(s.correctAndValid, s.documents)} | ${pct(s.linesExact, s.lines)} | ${pct(s.charactersRight, s.characters)} | ${s.wrongButValid} | ${fixed(percentile(s.times, 50), 0)} | ${fixed(percentile(s.times, 95), 0)} | ${fixed(percentile(s.cpuTimes, 50), 0)} | ${fixed(percentile(s.cpuTimes, 95), 0)} | ${fixed(cpuMs / wall, 2)} |`;
}

const header = [
  '| set | documents | fully correct | correct and valid | lines exact | characters | wrong but valid | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | CPU cores |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];

const reader = await createMrzReader({ today, modelDir: flags['model-dir'] });
const rows: string[] = [];
const failures: string[] = [];
const noteFailure = (label: string, { expected, reading }: Outcome): void => {
  if (expected.every((line, i) => reading.lines[i] === line) && reading.lines.length === expected.length) return;
  failures.push(
    `- ${label}: ${reading.valid ? '**valid**' : 'not valid'}\n  - expected \`${expected.join(' / ')}\`\n  - read     \`${reading.lines.join(' / ') || '(nothing)'}\`${reading.problems.length ? `\n  - ${reading.problems.slice(0, 2).join('; ')}` : ''}`,
  );
};
try {
  // Warm-up: the first reads pay for compiling the image code and for Tesseract's first page.
  for (let seed = 0; seed < 3; seed++) {
    await reader.read((await generateDocument({ seed: 1_000_000 + seed, quality: 'scan' })).image);
  }
  for (const set of heldout ? heldoutSets(flags.part.split(','), flags.family.split(','), qualities, count) : []) {
    const outcomes: Outcome[] = [];
    let cpuMs = 0;
    for await (const document of set.documents) {
      const timed = await timedRead(reader, document.image, document.lines);
      outcomes.push(timed.outcome);
      cpuMs += timed.cpuMs;
      noteFailure(document.name, timed.outcome);
    }
    rows.push(report(set.label, score(outcomes), cpuMs));
    process.stderr.write(`${set.label}: done\n`);
  }
  for (const quality of heldout ? [] : (qualities as SyntheticQuality[])) {
    const outcomes: Outcome[] = [];
    let cpuMs = 0;
    for (let seed = firstSeed; seed < firstSeed + count; seed++) {
      const document = await generateDocument({ seed, quality });
      const timed = await timedRead(reader, document.image, document.lines);
      outcomes.push(timed.outcome);
      cpuMs += timed.cpuMs;
      noteFailure(`${quality} seed ${seed} (${document.format})`, timed.outcome);
    }
    rows.push(report(`synthetic ${quality}`, score(outcomes), cpuMs));
    process.stderr.write(`${quality}: done\n`);
  }

  if (!flags['no-corpus']) {
    const corpus = loadSpecimens();
    if ('missing' in corpus) {
      rows.push(`| corpus | skipped: ${corpus.missing} |||||||||||`);
      process.stderr.write(`corpus skipped: ${corpus.missing}\n`);
    } else {
      const outcomes: Outcome[] = [];
      let cpuMs = 0;
      for (const specimen of corpus.specimens) {
        const timed = await timedRead(reader, readFileSync(specimen.path), specimen.lines);
        outcomes.push(timed.outcome);
        cpuMs += timed.cpuMs;
        noteFailure(specimen.file, timed.outcome);
      }
      rows.push(report('real specimens (corpus)', score(outcomes), cpuMs));
    }
  }
} finally {
  await reader.close();
}

console.log(
  [
    '### bench/mrz',
    '',
    ...describeRun(),
    '',
    ...header,
    ...rows,
    '',
    ...(flags.failures && failures.length > 0 ? ['#### Documents not read exactly', '', ...failures, ''] : []),
  ].join('\n'),
);
