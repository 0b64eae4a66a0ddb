/**
 * Matching: how the partial match of each algorithm agrees with the labelled person-name pairs of the
 * shared corpus, and how many fields per second one thread matches. Prints markdown.
 *
 *   npx tsx bench/matching/run.ts [--rounds 7] [--fields 200000]
 *
 * Agreement: each pair is one field (name1 against name2) under a normalization and an algorithm; a
 * partial match is the prediction "same person". Throughput: the default configuration (firstName,
 * lastName, gender, dateOfBirth) over records built from the pairs, normalization included, as a match
 * request runs it; the median of the rounds is reported.
 */
import { parseArgs } from 'node:util';
import {
  defaultConfiguration,
  matchFields,
  type Algorithm,
  type FieldConfiguration,
  type Normalization,
  type NodeValues,
} from '../../src/matching/index.js';
import { describeRun } from '../shared/machine.js';
import { fixed, median } from '../shared/stats.js';
import { loadNamePairs, type NamePair } from './pairs.js';

const { values: flags } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, fields: { type: 'string', default: '200000' } },
});
const rounds = Number(flags.rounds);
const fieldsPerRound = Number(flags.fields);

const corpus = loadNamePairs();
if ('missing' in corpus) {
  console.log(`### bench/matching\n\nskipped: ${corpus.missing}`);
  process.exit(0);
}
const pairs = corpus.pairs;

interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const node = (values: Record<string, unknown>): NodeValues => ({ available: true, values });

function confusion(normalization: Normalization, algorithm: Algorithm, subset: readonly NamePair[]): Confusion {
  const field: FieldConfiguration = { id: 'name', sourceField: 'a', targetField: 'b', normalization, algorithm };
  const counts: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const pair of subset) {
    const result = matchFields([field], node({ a: pair.name1 }), node({ b: pair.name2 })).name!;
    if (result.partialMatch) counts[pair.isMatch ? 'tp' : 'fp']++;
    else counts[pair.isMatch ? 'fn' : 'tn']++;
  }
  return counts;
}

const ratio = (n: number, of: number) => (of === 0 ? 'n/a' : fixed(n / of, 3));

function row(label: string, c: Confusion): string {
  return `| ${label} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.tn} | ${ratio(c.tp, c.tp + c.fp)} | ${ratio(c.tp, c.tp + c.fn)} |`;
}

const agreement = [
  '| algorithm, normalization (pairs) | TP | FP | FN | TN | precision | recall |',
  '|---|---|---|---|---|---|---|',
];
for (const [algorithm, normalization] of [
  ['fuzzy', 'cleanUpper'],
  ['fuzzy', 'upper'],
  ['levenshtein', 'cleanUpper'],
] as const) {
  agreement.push(
    row(`${algorithm}, ${normalization} (all ${pairs.length})`, confusion(normalization, algorithm, pairs)),
  );
}
for (const quality of ['STRONG', 'MEDIUM', 'WEAK']) {
  const subset = pairs.filter((p) => p.quality === quality);
  agreement.push(row(`fuzzy, cleanUpper (${quality}, ${subset.length})`, confusion('cleanUpper', 'fuzzy', subset)));
}

// Records shaped like user data and a document's result: the pair's names split into given and family
// names, with a date of birth written two ways and a gender, so every default field does its usual work.
function split(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  return { firstName: words.slice(0, -1).join(' ') || words[0]!, lastName: words.at(-1)! };
}
const records = pairs.map((pair, i) => {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    source: node({ ...split(pair.name1), gender: 'F', dateOfBirth: `1988-08-${day}` }),
    target: node({ ...split(pair.name2), gender: 'female', dateOfBirth: `${day}.08.1988` }),
  };
});
const configuration = defaultConfiguration('userData', 'finalResult');
const perRecord = configuration.length;
const recordsPerRound = Math.ceil(fieldsPerRound / perRecord);

function round(): number {
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < recordsPerRound; i++) {
    const { source, target } = records[i % records.length]!;
    const result = matchFields(configuration, source, target);
    if (result.firstName!.partialMatch) sink++;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sink < 0) console.log(sink);
  return (recordsPerRound * perRecord) / seconds;
}

round(); // warm-up: compiles the hot paths and fills the letter cache of the transliteration
const rates = Array.from({ length: rounds }, round);

console.log(
  [
    '### bench/matching',
    '',
    ...describeRun(),
    '',
    '#### Partial match against the labelled name pairs',
    '',
    ...agreement,
    '',
    '#### Throughput (default configuration, one thread)',
    '',
    '| fields per round | rounds | median fields/s | min | max |',
    '|---|---|---|---|---|',
    `| ${recordsPerRound * perRecord} | ${rounds} | ${fixed(median(rates), 0)} | ${fixed(Math.min(...rates), 0)} | ${fixed(Math.max(...rates), 0)} |`,
    '',
  ].join('\n'),
);
