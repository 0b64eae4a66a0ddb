/**
 * Selfie presentation-attack detection on simulated attacks: chooses thresholds for human's anti-spoofing and
 * liveness scores on the tuning split and reports APCER/BPCER on the tuning and held-out splits. Prints markdown.
 *
 *   taskset -c 1 npx tsx bench/pad/collect-faces.ts /tmp/pad-faces.json    (slow: runs the face engine)
 *   npx tsx bench/pad/faces-run.ts /tmp/pad-faces.json
 */
import { readFileSync } from 'node:fs';
import { FACE_PAD_THRESHOLDS } from '../../src/engines/face/presentation-attack.js';
import { fixed } from '../shared/stats.js';
import {
  ATTACK_KINDS,
  chooseThresholds,
  equalErrorRate,
  errorRates,
  thresholdRule,
  type ErrorRates,
  type ScoreName,
} from './error-rates.js';
import type { FaceScore } from './face-scores.js';

/** The bona fide rejection the shipped thresholds may cost on the tuning split: one genuine user in twenty. */
const MAX_TUNING_BPCER = 0.05;

const file = process.argv[2];
if (!file) throw new Error('usage: faces-run.ts SCORES.json (from collect-faces.ts)');
const { generated, scores } = JSON.parse(readFileSync(file, 'utf8')) as { generated: string; scores: FaceScore[] };
const tuning = scores.filter((s) => s.split === 'tuning');
const heldOut = scores.filter((s) => s.split === 'heldOut');
const identities = (set: FaceScore[]) => new Set(set.map((s) => s.identity)).size;

const pct = (value: number) => `${fixed(100 * value, 1)}%`;
const row = (label: string, thresholds: string, rates: ErrorRates) =>
  `| ${label} | ${thresholds} | ${pct(rates.bpcer)} (n=${rates.bonaFide}) | ${ATTACK_KINDS.map((k) => `${pct(rates.attacks[k].apcer)} (n=${rates.attacks[k].count})`).join(' | ')} | ${pct(rates.apcerWorst)} |`;
const header = [
  `| split | thresholds | BPCER | APCER print | APCER screen | APCER worst |`,
  '| --- | --- | ---: | ---: | ---: | ---: |',
];
const describe = (t: Partial<Record<ScoreName, number>>) =>
  Object.entries(t)
    .map(([name, value]) => `${name} >= ${value!.toFixed(3)}`)
    .join(', ');

const rules: { name: string; scores: ScoreName[] }[] = [
  { name: 'liveness alone', scores: ['liveness'] },
  { name: 'antispoof alone', scores: ['antispoof'] },
  { name: 'both', scores: ['liveness', 'antispoof'] },
];

const out: string[] = [
  `Scores generated ${generated}; ${scores.length} captures. Tuning: ${tuning.length} captures of ${identities(tuning)} identities; held-out: ${heldOut.length} captures of ${identities(heldOut)} identities.`,
  '',
  '#### Equal error rates (each score alone, worst attack kind vs bona fide)',
  '',
  '| score | tuning EER | at | held-out EER | at |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...(['liveness', 'antispoof'] as const).map((name) => {
    const t = equalErrorRate(tuning, name);
    const h = equalErrorRate(heldOut, name);
    return `| ${name} | ${pct(t.eer)} | ${t.threshold.toFixed(3)} | ${pct(h.eer)} | ${h.threshold.toFixed(3)} |`;
  }),
  '',
  `#### Thresholds chosen on the tuning split (lowest mean APCER over the attack kinds with BPCER <= ${pct(MAX_TUNING_BPCER)}), measured on both`,
  '',
  '| rule | ' + header[0]!.slice(2),
  '| --- ' + header[1],
];
for (const rule of rules) {
  const chosen = chooseThresholds(tuning, rule.scores, MAX_TUNING_BPCER);
  const held = errorRates(heldOut, thresholdRule(chosen.thresholds));
  out.push(row(`${rule.name} | tuning`, describe(chosen.thresholds), chosen.rates));
  out.push(row(`${rule.name} | held-out`, describe(chosen.thresholds), held));
}
const shipped = thresholdRule(FACE_PAD_THRESHOLDS);
out.push(
  '',
  `#### Shipped thresholds (src/engines/face/presentation-attack.ts: ${describe(FACE_PAD_THRESHOLDS)})`,
  '',
  ...header,
  row('tuning', describe(FACE_PAD_THRESHOLDS), errorRates(tuning, shipped)),
  row('held-out', describe(FACE_PAD_THRESHOLDS), errorRates(heldOut, shipped)),
  '',
  `Captures where no face was found: bona fide ${scores.filter((s) => s.presentation === 'bonaFide' && s.faces === 0).length}, ` +
    ATTACK_KINDS.map((k) => `${k} ${scores.filter((s) => s.presentation === k && s.faces === 0).length}`).join(', ') +
    ' (attacks without a face count as rejected; bona fide ones are left out of BPCER).',
);
console.log(out.join('\n'));
