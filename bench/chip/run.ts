/**
 * Passive authentication per document: p50/p95 of `verifyChip` (SOD parse, data group hashes, SOD
 * signature, DS certificate and its CSCA, MRZ check) for each signature algorithm of the test PKI,
 * and the same with the DG2 face compared with a selfie by the face engine (real faces from the
 * shared corpus, when it is there). Prints markdown.
 *
 *   npx tsx bench/chip/run.ts [--runs 300] [--face-runs 20]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { readCertificate } from '../../src/chip/certificate.js';
import { readFaceImage } from '../../src/chip/data-groups.js';
import { verifyChip } from '../../src/chip/verify-chip.js';
import { createFaceEngine } from '../../src/engines/face/index.js';
import {
  csca,
  dg1,
  dg11,
  dg12,
  dg2,
  documentSigner,
  makeKey,
  sod,
  type KeyAlgorithm,
} from '../../test/support/chip-pki.js';
import { corpusDir } from '../mrz/corpus.js';
import { describeRun } from '../shared/machine.js';
import { fixed, percentile } from '../shared/stats.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '300' }, 'face-runs': { type: 'string', default: '20' } },
});
const runs = Number(values.runs);
const faceRuns = Number(values['face-runs']);

interface Case {
  name: string;
  csca: [KeyAlgorithm, boolean];
  ds: [KeyAlgorithm, boolean];
  hash: string;
}

const cases: Case[] = [
  { name: 'RSA-4096 CSCA, RSA-2048 DS, PKCS#1 v1.5 SHA-256', csca: ['rsa', false], ds: ['rsa', false], hash: 'sha256' },
  { name: 'RSA-PSS SHA-256 (2048)', csca: ['rsa-pss', false], ds: ['rsa-pss', false], hash: 'sha256' },
  { name: 'ECDSA P-256 SHA-256', csca: ['p256', false], ds: ['p256', false], hash: 'sha256' },
  { name: 'ECDSA P-384 SHA-384', csca: ['p384', false], ds: ['p384', false], hash: 'sha384' },
  { name: 'brainpoolP256r1 SHA-256', csca: ['brainpoolP256r1', false], ds: ['brainpoolP256r1', false], hash: 'sha256' },
  {
    name: 'brainpoolP384r1 explicit CSCA, P256r1 explicit DS',
    csca: ['brainpoolP384r1', true],
    ds: ['brainpoolP256r1', true],
    hash: 'sha256',
  },
  {
    name: 'brainpoolP512r1 explicit CSCA, P384r1 DS, SHA-512',
    csca: ['brainpoolP512r1', true],
    ds: ['brainpoolP384r1', true],
    hash: 'sha512',
  },
];

/** A face of the corpus (or a plain JPEG without it) for DG2, and another photo of the same person. */
function faces(): { chip: Buffer; selfie: Buffer } | undefined {
  const index = path.join(corpusDir, 'images/faces/faces.json');
  if (!existsSync(index)) return undefined;
  const { images } = JSON.parse(readFileSync(index, 'utf8')) as {
    images: { file: string; identity: string; facesInImage: number }[];
  };
  const photos = images
    .filter((i) => i.identity === 'barack_obama' && i.facesInImage === 1)
    .map((i) => readFileSync(path.join(corpusDir, i.file)));
  return photos.length >= 2 ? { chip: photos[0]!, selfie: photos[1]! } : undefined;
}

function document(c: Case, face: Buffer) {
  const authority = csca(
    'NL',
    makeKey(c.csca[0], { explicit: c.csca[1], modulusLength: c.csca[0] === 'rsa' ? 4096 : 2048 }),
  );
  const signer = documentSigner(authority, makeKey(c.ds[0], { explicit: c.ds[1] }), { hash: c.hash });
  const dataGroups = new Map([
    [1, dg1()],
    [2, dg2(face)],
    [11, dg11({ fullName: 'TESTPERSON<<ANNA<MARIA' })],
    [12, dg12('20240115')],
  ]);
  return {
    files: { sod: sod(dataGroups, signer, { hash: c.hash, dataGroupHash: c.hash }), dataGroups },
    anchors: { certificates: [readCertificate(authority.certificate)], revocationLists: [] },
  };
}

function time(work: () => void, count: number): number[] {
  for (let i = 0; i < 20; i++) work();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times;
}

const real = faces();
const source = real
  ? sharp(real.chip)
  : sharp({ create: { width: 420, height: 520, channels: 3, background: '#b08a70' } });
const chipFace = await source.rotate().resize(420, 520, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer();

console.log('## bench/chip: passive authentication per document\n');
console.log(describeRun().join('\n'));
console.log(
  `- runs: ${runs} per algorithm after 20 warm-up runs; DG2 is a ${Math.round(chipFace.length / 1024)} KB JPEG\n`,
);
console.log('| algorithm | p50 ms | p95 ms | verdict |');
console.log('| --- | ---: | ---: | --- |');
const documents = cases.map((c) => ({ c, doc: document(c, chipFace) }));
for (const { c, doc } of documents) {
  let verdict = '';
  const times = time(() => {
    verdict = verifyChip(
      { files: doc.files, challenge: 'reported', today: '2025-03-01' },
      doc.anchors,
    ).chipVerification;
  }, runs);
  console.log(`| ${c.name} | ${fixed(percentile(times, 50), 2)} | ${fixed(percentile(times, 95), 2)} | ${verdict} |`);
}

if (!real) {
  console.log('\nWith the face comparison: skipped, the shared face corpus is not there.');
} else {
  const engine = await createFaceEngine();
  const { doc } = documents[4]!;
  await engine.compare(chipFace, real.selfie); // loads and warms the models
  const times: number[] = [];
  let similarity = 0;
  for (let i = 0; i < faceRuns; i++) {
    const started = performance.now();
    verifyChip({ files: doc.files, challenge: 'reported', today: '2025-03-01' }, doc.anchors);
    const comparison = await engine.compare(readFaceImage(doc.files.dataGroups.get(2)!).bytes, real.selfie);
    similarity = comparison.similarity;
    times.push(performance.now() - started);
  }
  await engine.close();
  console.log(
    `\nWith the face comparison (brainpoolP256r1 document, DG2 face vs a selfie of the same person, similarity ${fixed(similarity, 2)}, in-process face engine, ${faceRuns} runs after one warm-up):\n`,
  );
  console.log('| p50 ms | p95 ms |');
  console.log('| ---: | ---: |');
  console.log(`| ${fixed(percentile(times, 50), 0)} | ${fixed(percentile(times, 95), 0)} |`);
}
