import {
  areaUnderCurve,
  equalErrorRate,
  extrapolatedThreshold,
  ratesAt,
  tailThreshold,
  thresholdForFar,
  type Rates,
  type ScoredPair,
} from './calibration.js';
import { MATCH_LEVELS, SIMILARITY_LEVELS } from '../../src/engines/face/thresholds.js';
import { percentile } from '../shared/stats.js';
import type { LabelledPair } from './corpus.js';

export interface PairSet {
  name: string;
  pairs: (ScoredPair & { pair: LabelledPair })[];
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const far = (r: Rates): string => `${pct(r.far)} (${r.falseAccepts}/${r.impostors})`;
const frr = (r: Rates): string => `${pct(r.frr)} (${r.falseRejects}/${r.genuines})`;
const f3 = (x: number): string => x.toFixed(3);

function identities(set: PairSet): number {
  return new Set(set.pairs.flatMap(({ pair }) => [pair.a.identity, pair.b.identity])).size;
}

function images(set: PairSet): number {
  return new Set(set.pairs.flatMap(({ pair }) => [pair.a.file, pair.b.file])).size;
}

export function summaryTable(sets: readonly PairSet[]): string[] {
  const lines = [
    '| pair set | pairs (same / different) | images | identities | EER | EER threshold (FAR / FRR there) | ROC AUC | same: min / p5 / median | different: median / p95 / max |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: | --- | --- |',
  ];
  for (const set of sets) {
    const same = set.pairs.filter((p) => p.same).map((p) => p.similarity);
    const different = set.pairs.filter((p) => !p.same).map((p) => p.similarity);
    const { eer, at } = equalErrorRate(set.pairs);
    lines.push(
      `| ${set.name} | ${set.pairs.length} (${same.length} / ${different.length}) | ${images(set)} | ${identities(set)} | ` +
        `**${pct(eer)}** | ${f3(at.threshold)} (${pct(at.far)} / ${pct(at.frr)}) | ${areaUnderCurve(set.pairs).toFixed(4)} | ` +
        `${f3(Math.min(...same))} / ${f3(percentile(same, 5))} / ${f3(percentile(same, 50))} | ` +
        `${f3(percentile(different, 50))} / ${f3(percentile(different, 95))} / ${f3(Math.max(...different))} |`,
    );
  }
  return lines;
}

/** The ROC at round thresholds, for every set side by side. */
export function rocTable(sets: readonly PairSet[]): string[] {
  const header = `| similarity ≥ | ${sets.map((s) => `${s.name} FAR | ${s.name} FRR`).join(' | ')} |`;
  const lines = [header, `| ---: | ${sets.map(() => '---: | ---:').join(' | ')} |`];
  for (let t = 0.3; t <= 0.801; t += 0.05) {
    const cells = sets.map((s) => {
      const r = ratesAt(s.pairs, t);
      return `${far(r)} | ${frr(r)}`;
    });
    lines.push(`| ${t.toFixed(2)} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** FAR and FRR at every threshold thresholds.ts ships. */
export function shippedTable(sets: readonly PairSet[]): string[] {
  const rows: { name: string; threshold: number; target: string }[] = [
    { name: 'similarityLevel low', threshold: SIMILARITY_LEVELS.low, target: '' },
    { name: 'similarityLevel medium', threshold: SIMILARITY_LEVELS.medium, target: '' },
    { name: 'similarityLevel high', threshold: SIMILARITY_LEVELS.high, target: '' },
    ...MATCH_LEVELS.map((step) => ({
      name: `matchLevel ${step.level}`,
      threshold: step.minSimilarity,
      target: `1/${Math.round(1 / step.targetFar).toLocaleString('en-US')} (${step.evidence})`,
    })),
  ];
  const lines = [
    `| threshold | similarity ≥ | target FAR | ${sets.map((s) => `${s.name} FAR | ${s.name} FRR`).join(' | ')} |`,
    `| --- | ---: | --- | ${sets.map(() => '---: | ---:').join(' | ')} |`,
  ];
  for (const row of rows) {
    const cells = sets.map((s) => {
      const r = ratesAt(s.pairs, row.threshold);
      return `${far(r)} | ${frr(r)}`;
    });
    lines.push(`| ${row.name} | ${f3(row.threshold)} | ${row.target} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/**
 * What the data says the thresholds should be: the measured threshold where the set has at least 3 different-person
 * pairs above it to count, and an exponential fit of the top 5% of different-person scores (also shown where
 * measurable, to see whether the fit follows the data). thresholds.ts ships the larger of the two.
 */
export function suggestedThresholds(set: PairSet): string[] {
  const impostors = set.pairs.filter((p) => !p.same).length;
  const targets = [1 / 100, 1 / 250, 1 / 500, 1 / 1000, 1 / 10_000, 1 / 100_000, 1 / 500_000, 1 / 1_000_000];
  const lines = [
    `From ${set.name} (${impostors} different-person pairs):`,
    '',
    '| target FAR | measured | exponential tail fit | normal fit (for contrast) | larger of measured and tail | FRR there |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const target of targets) {
    const measured = target * impostors >= 3 ? thresholdForFar(set.pairs, target) : Number.NaN;
    const tail = tailThreshold(set.pairs, target);
    const used = Number.isNaN(measured) ? tail : Math.max(measured, tail);
    lines.push(
      `| 1/${Math.round(1 / target).toLocaleString('en-US')} | ${Number.isNaN(measured) ? 'n/a' : f3(measured)} | ${f3(tail)} | ` +
        `${f3(extrapolatedThreshold(set.pairs, target))} | ${f3(used)} | ${frr(ratesAt(set.pairs, used))} |`,
    );
  }
  return lines;
}

/**
 * Identity-disjoint two-fold check: the EER threshold chosen on the pairs of one half of the identities, applied to
 * the pairs of the other half. Pairs across the halves are left out, so no face is in both.
 */
export function crossValidation(set: PairSet): string[] {
  const ids = [...new Set(set.pairs.flatMap(({ pair }) => [pair.a.identity, pair.b.identity]))].sort();
  const fold = new Map(ids.map((id, i) => [id, i % 2]));
  const halves = [0, 1].map((k) =>
    set.pairs.filter(({ pair }) => fold.get(pair.a.identity) === k && fold.get(pair.b.identity) === k),
  );
  const lines = ['| chosen on | threshold | evaluated on | FAR | FRR |', '| --- | ---: | --- | ---: | ---: |'];
  for (const [train, test] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const { at } = equalErrorRate(halves[train]!);
    const r = ratesAt(halves[test]!, at.threshold);
    lines.push(
      `| half ${train} (${halves[train]!.length} pairs) | ${f3(at.threshold)} | half ${test} (${halves[test]!.length} pairs) | ${far(r)} | ${frr(r)} |`,
    );
  }
  return lines;
}

/** The identity-disjoint two-fold check in one cell: FAR / FRR on each half, threshold chosen on the other. */
export function crossValidationCell(set: PairSet): string {
  const ids = [...new Set(set.pairs.flatMap(({ pair }) => [pair.a.identity, pair.b.identity]))].sort();
  const fold = new Map(ids.map((id, i) => [id, i % 2]));
  const halves = [0, 1].map((k) =>
    set.pairs.filter(({ pair }) => fold.get(pair.a.identity) === k && fold.get(pair.b.identity) === k),
  );
  return [1, 0]
    .map((test) => {
      const { at } = equalErrorRate(halves[1 - test]!);
      const r = ratesAt(halves[test]!, at.threshold);
      return `${pct(r.far)} / ${pct(r.frr)}`;
    })
    .join('; ');
}

export interface EmbedderRow {
  name: string;
  metric: string;
  note: string;
  labelled: PairSet;
  all: PairSet;
  /** Median ms per face of one run, and how many runs the variant needs. */
  msPerRun: number;
  runs: number;
}

/** One line per embedder: both EERs, the AUC on all pairs, the two-fold check and the time per face. */
export function embedderTable(rows: readonly EmbedderRow[]): string[] {
  const lines = [
    '| embedder | similarity | notes | labelled EER | all EER (threshold) | all ROC AUC | two-fold: FAR / FRR on half 1; on half 0 | ms per face (p50) |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const row of rows) {
    const labelled = equalErrorRate(row.labelled.pairs);
    const all = equalErrorRate(row.all.pairs);
    lines.push(
      `| ${row.name} | ${row.metric} | ${row.note} | ${pct(labelled.eer)} | ${pct(all.eer)} (${f3(all.at.threshold)}) | ` +
        `${areaUnderCurve(row.all.pairs).toFixed(4)} | ${crossValidationCell(row.all)} | ` +
        `${(row.msPerRun * row.runs).toFixed(0)}${row.runs > 1 ? ` (${row.runs} runs)` : ''} |`,
    );
  }
  return lines;
}

/**
 * The headline: thresholds chosen on the pairs of one half of the identities (at its EER, and at FAR 1/100 as
 * `medium` is), measured on the other half, both ways, with the counts of the two measured halves pooled. No face
 * that chose a threshold is among those it is measured on.
 */
export function identityDisjointHeadline(set: PairSet): string[] {
  const ids = [...new Set(set.pairs.flatMap(({ pair }) => [pair.a.identity, pair.b.identity]))].sort();
  const fold = new Map(ids.map((id, i) => [id, i % 2]));
  const halves = [0, 1].map((k) =>
    set.pairs.filter(({ pair }) => fold.get(pair.a.identity) === k && fold.get(pair.b.identity) === k),
  );
  const choices: { name: string; choose: (pairs: readonly ScoredPair[]) => number }[] = [
    { name: 'EER of the other half', choose: (pairs) => equalErrorRate(pairs).at.threshold },
    { name: 'FAR 1/100 on the other half', choose: (pairs) => thresholdForFar(pairs, 1 / 100) },
  ];
  const lines = [
    '| threshold chosen at | threshold applied to half 0 / to half 1 | pooled FAR | pooled FRR |',
    '| --- | --- | ---: | ---: |',
  ];
  for (const { name, choose } of choices) {
    const measured = [0, 1].map((test) => {
      const threshold = choose(halves[1 - test]!);
      return { threshold, rates: ratesAt(halves[test]!, threshold) };
    });
    const sum = (key: 'falseAccepts' | 'impostors' | 'falseRejects' | 'genuines') =>
      measured.reduce((total, m) => total + m.rates[key], 0);
    const pooled = {
      falseAccepts: sum('falseAccepts'),
      impostors: sum('impostors'),
      falseRejects: sum('falseRejects'),
      genuines: sum('genuines'),
    };
    lines.push(
      `| ${name} | ${measured.map((m) => f3(m.threshold)).join(' / ')} | ` +
        `${pct(pooled.falseAccepts / pooled.impostors)} (${pooled.falseAccepts}/${pooled.impostors}) | ` +
        `${pct(pooled.falseRejects / pooled.genuines)} (${pooled.falseRejects}/${pooled.genuines}) |`,
    );
  }
  return lines;
}
