/**
 * VIZ reading (printed fields of the data page) per field: synthetic passports and TD2 cards at three
 * capture qualities, forged passports (printed surname replaced), and the corpus specimens whose
 * printed fields are the MRZ's. Prints markdown.
 *
 *   npx tsx bench/viz/run.ts [--count 30] [--seed 1] [--quality clean,scan,photo] [--forged 10] [--no-corpus] [--failures]
 *
 * The MRZ reader places the MRZ (its box); the values looked for are the true MRZ values (from the
 * generator, or the corpus index), so that MRZ misreadings do not count against the VIZ reader. One
 * reader (one tesseract.js worker) reads one image at a time, on one core.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { passportWithPrintedSurname } from '../../test/support/tampered-documents.js';
import { parseMrz } from '../../src/engines/mrz/index.js';
import { createMrzReader } from '../../src/engines/ocr/index.js';
import type { MrzReading } from '../../src/engines/ocr/types.js';
import { generateDocument, type SyntheticQuality } from '../../test/support/synthetic/generate.js';
import { createVizReader, vizFieldNames, type VizFieldName, type VizReading } from '../../src/engines/viz/index.js';
import { loadSpecimens } from '../mrz/corpus.js';
import { describeRun } from '../shared/machine.js';
import { fixed, percentile } from '../shared/stats.js';

const { values: flags } = parseArgs({
  options: {
    count: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    quality: { type: 'string', default: 'clean,scan,photo' },
    forged: { type: 'string', default: '10' },
    'no-corpus': { type: 'boolean', default: false },
    failures: { type: 'boolean', default: false },
  },
});
const count = Number(flags.count);
const firstSeed = Number(flags.seed);
const qualities = flags.quality.split(',') as SyntheticQuality[];
sharp.concurrency(1);

const mrzReader = await createMrzReader({ today: '2026-01-01' });
const vizReader = await createVizReader();

/** The reading the VIZ reader is given: the reader's MRZ box, the true MRZ values. */
async function readDocument(
  image: Buffer,
  lines: string[],
  mrzOnImage: boolean,
): Promise<VizReading & { wallMs: number }> {
  const located = await mrzReader.read(image);
  const truth = parseMrz(lines, { today: '2026-01-01' });
  const mrz: MrzReading = { ...located, format: truth.format, lines: truth.lines, fields: truth.fields };
  const started = performance.now();
  const reading = await vizReader.read(image, mrz, { mrzOnImage });
  return { ...reading, wallMs: performance.now() - started };
}

/** Per field: found and equal to the MRZ value, found within the OCR tolerance, found but called different. */
interface Tally {
  documents: number;
  exact: Record<VizFieldName, number>;
  matches: Record<VizFieldName, number>;
  mismatches: Record<VizFieldName, number>;
  /** Documents that would be MRZ_FEATURE_COMPARISON (two or more of the five compared fields found). */
  compared: number;
  /** Documents with at least one field found and called different from the MRZ (a rejection). */
  rejected: number;
  times: number[];
}

const zero = () => Object.fromEntries(vizFieldNames.map((name) => [name, 0])) as Record<VizFieldName, number>;
const newTally = (): Tally => ({
  documents: 0,
  exact: zero(),
  matches: zero(),
  mismatches: zero(),
  compared: 0,
  rejected: 0,
  times: [],
});
const comparedFields: VizFieldName[] = ['surname', 'givenNames', 'documentNumber', 'dateOfBirth', 'dateOfExpiry'];

function count_(tally: Tally, reading: VizReading & { wallMs: number }, label: string): void {
  tally.documents++;
  tally.times.push(reading.wallMs);
  for (const name of vizFieldNames) {
    const field = reading.fields[name];
    if (!field) continue;
    if (field.distance === 0) tally.exact[name]++;
    if (field.matchesMrz) tally.matches[name]++;
    else tally.mismatches[name]++;
  }
  if (comparedFields.filter((name) => reading.fields[name]).length >= 2) tally.compared++;
  const mismatch = [...comparedFields, 'sex' as const].some((name) => reading.fields[name]?.matchesMrz === false);
  if (flags.failures) {
    for (const name of vizFieldNames) {
      const field = reading.fields[name];
      if (field && !field.matchesMrz)
        process.stderr.write(
          `  ${label}: ${name} read ${JSON.stringify(field.text)} (${field.foundBy}, ${field.confidence})\n`,
        );
    }
  }
  if (mismatch) tally.rejected++;
}

const pct = (n: number, of: number) => (of === 0 ? 'n/a' : `${fixed((100 * n) / of, 0)}%`);

function row(label: string, t: Tally): string {
  const fields = vizFieldNames.map(
    (name) => `${pct(t.matches[name], t.documents)} (${pct(t.exact[name], t.documents)})`,
  );
  return `| ${label} | ${t.documents} | ${fields.join(' | ')} | ${pct(t.compared, t.documents)} | ${pct(t.rejected, t.documents)} | ${fixed(percentile(t.times, 50), 0)} | ${fixed(percentile(t.times, 95), 0)} |`;
}

const header = [
  `| set | documents | ${vizFieldNames.join(' | ')} | MRZ_FEATURE_COMPARISON | rejected (mismatch) | p50 ms | p95 ms |`,
  `|---|---|${vizFieldNames.map(() => '---|').join('')}---|---|---|---|`,
];
const rows: string[] = [];
const notes: string[] = [];
try {
  // Warm-up: the first pages pay for compiling the image code and Tesseract's first recognition.
  const warm = await generateDocument({ seed: 1_000_000, quality: 'scan', format: 'TD3' });
  await readDocument(warm.image, warm.lines, true);

  for (const quality of qualities) {
    const tally = newTally();
    for (let seed = firstSeed; seed < firstSeed + count; seed++) {
      // TD1 synthetic documents show the MRZ side only (no printed fields): passports and TD2 cards.
      const document = await generateDocument({ seed, quality, format: seed % 2 === 0 ? 'TD2' : 'TD3' });
      count_(tally, await readDocument(document.image, document.lines, true), `${quality} ${seed}`);
    }
    rows.push(row(`synthetic ${quality}`, tally));
    process.stderr.write(`${quality}: done\n`);
  }

  const forged = Number(flags.forged);
  if (forged > 0) {
    const tally = newTally();
    let caught = 0;
    for (let seed = firstSeed; seed < firstSeed + forged; seed++) {
      const document = await passportWithPrintedSurname(seed, 'KOWALSKA', new Date(Date.UTC(2026, 0, 1)));
      const reading = await readDocument(document.image, document.lines, true);
      count_(tally, reading, `forged ${seed}`);
      if (reading.fields.surname?.matchesMrz === false) caught++;
    }
    rows.push(row('forged surname (clean)', tally));
    notes.push(
      `- forged surname: the printed surname was reported different from the MRZ on ${caught} of ${forged} forged passports.`,
    );
  }

  if (!flags['no-corpus']) {
    const corpus = loadSpecimens();
    if ('missing' in corpus) {
      notes.push(`- corpus skipped: ${corpus.missing}`);
    } else {
      // Specimens whose printed fields are the MRZ's: checked against the image, or the ICAO specimen scans.
      const known = corpus.specimens.filter(
        (s) => s.note?.startsWith('matches the MRZ printed on the image') || s.file.includes('passporteye/tests-data/'),
      );
      const tally = newTally();
      for (const specimen of known) {
        const td1 = specimen.lines.length === 3;
        const reading = await readDocument(readFileSync(specimen.path), specimen.lines, !td1);
        count_(tally, reading, specimen.file);
        const found = vizFieldNames.filter((name) => reading.fields[name]?.matchesMrz);
        const different = vizFieldNames.filter((name) => reading.fields[name]?.matchesMrz === false);
        notes.push(
          `- ${specimen.file}: matches ${found.join(', ') || 'none'}${different.length ? `; called different: ${different.join(', ')}` : ''}`,
        );
      }
      rows.push(row('corpus specimens', tally));
    }
  }
} finally {
  await Promise.all([mrzReader.close(), vizReader.close()]);
}

console.log(
  [
    ...describeRun(),
    '',
    'Per field: share of documents where the printed value was found and matches the MRZ within the OCR',
    'tolerance (in brackets: read exactly). MRZ_FEATURE_COMPARISON: two or more of the five compared',
    'fields found. Rejected: a field found and called different from the MRZ (on genuine documents, a',
    'false rejection). Times: one VIZ read (page, OCR, matching), without the MRZ read.',
    '',
    ...header,
    ...rows,
    '',
    ...notes,
  ].join('\n'),
);
