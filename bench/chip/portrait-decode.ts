/**
 * The chip portrait's decoding cost: a DG2 face as JPEG 2000 (raw J2K, and JP2) decoded by OpenJPEG
 * (WebAssembly) to the PNG the face engine reads, against sharp decoding the same face as JPEG (the
 * baseline, measured in the same run). Also the chain with one CSCA link certificate against a
 * direct chain. Prints markdown.
 *
 *   npx tsx bench/chip/portrait-decode.ts [--runs 30]
 */
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { readCertificate } from '../../src/chip/certificate.js';
import { verifyChip } from '../../src/chip/verify-chip.js';
import { decodeJpeg2000 } from '../../src/engines/jpeg2000/index.js';
import { csca, dg1, dg2, documentSigner, linkCertificate, makeKey, sod } from '../../test/support/chip-pki.js';
import { encodeJ2k, wrapJp2 } from '../../test/support/jpeg2000.js';
import { facePhotos } from '../../test/support/corpus.js';
import { describeRun } from '../shared/machine.js';
import { fixed, percentile } from '../shared/stats.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);

async function time(work: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const row = (name: string, times: number[], baseline?: number[]) =>
  `| ${name} | ${fixed(percentile(times, 50), 1)} | ${fixed(percentile(times, 95), 1)} | ${
    baseline ? `${fixed(percentile(times, 50) / percentile(baseline, 50), 1)}×` : '1×'
  } |`;

const [photo] = facePhotos('barack_obama');
const source = photo
  ? sharp(photo).rotate()
  : sharp({ create: { width: 420, height: 520, channels: 3, background: '#b08a70' } });
const face = await source.resize(420, 520, { fit: 'cover' }).png().toBuffer();
const jpeg = await sharp(face).jpeg({ quality: 85 }).toBuffer();
const j2k = await encodeJ2k(face);
const jp2 = wrapJp2(j2k, { width: 420, height: 520, components: 3 });

console.log('## bench/chip/portrait-decode: JPEG 2000 chip portraits and link certificates\n');
console.log(describeRun().join('\n'));
console.log(
  `- ${runs} runs after 3 warm-up runs; a 420×520 face: JPEG ${Math.round(jpeg.length / 1024)} KB, J2K ${Math.round(j2k.length / 1024)} KB (1:20)\n`,
);
console.log('| work | p50 ms | p95 ms | vs baseline |');
console.log('| --- | ---: | ---: | ---: |');
const baseline = await time(() => sharp(jpeg).png().toBuffer());
console.log(row('JPEG face decoded by sharp to PNG (baseline)', baseline));
console.log(row('J2K face decoded by OpenJPEG to PNG', await time(() => decodeJpeg2000(j2k)), baseline));
console.log(row('JP2 face decoded by OpenJPEG to PNG', await time(() => decodeJpeg2000(jp2)), baseline));

const root = csca('NL', makeKey('brainpoolP256r1'));
const link = linkCertificate(root, makeKey('brainpoolP256r1'));
const groups = new Map([
  [1, dg1()],
  [2, dg2(jpeg)],
]);
const anchors = { certificates: [readCertificate(root.certificate)], revocationLists: [] };
const direct = { sod: sod(groups, documentSigner(root, makeKey('brainpoolP256r1'))), dataGroups: groups };
const linked = {
  sod: sod(groups, documentSigner(link, makeKey('brainpoolP256r1')), { extraCertificates: [link.certificate] }),
  dataGroups: groups,
};
const verify = (files: typeof direct) => verifyChip({ files, challenge: 'reported', today: '2025-03-01' }, anchors);
const directTimes = await time(() => verify(direct));
console.log(row('passive authentication, DS issued by the trusted CSCA (baseline)', directTimes));
console.log(row('passive authentication through one link certificate', await time(() => verify(linked)), directTimes));
