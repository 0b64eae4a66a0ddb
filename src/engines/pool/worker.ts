/**
 * A worker thread of the engine pool: loads each engine once, on first use, and answers tasks. Runs
 * under piscina; every export is a task.
 */
import { createFaceEngine } from '../face/index.js';
import { decodeJpeg2000 as decodeJ2k, Jpeg2000Error } from '../jpeg2000/index.js';
import type { FaceEngine } from '../face/types.js';
import { checkImage as runImageChecks } from '../image/index.js';
import { createMrzReader } from '../ocr/index.js';
import { createWordOcr, type WordOcr } from '../ocr/words.js';
import type { MrzReader, MrzReading } from '../ocr/types.js';
import { createVizReader, type ReadVisualZoneOptions, type VizReader } from '../viz/index.js';
import type { FaceSummary, ImageRegions } from './types.js';
import { yieldCpuToEventLoop } from './yield-cpu.js';

yieldCpuToEventLoop();

let reader: Promise<MrzReader> | undefined;
let faces: Promise<FaceEngine> | undefined;

const mrzReader = () => (reader ??= createMrzReader());
const faceEngine = () => (faces ??= createFaceEngine());
let wordOcr: Promise<WordOcr> | undefined;
const words = () => (wordOcr ??= createWordOcr());
// The VIZ reader shares the thread's English word OCR: one copy of the model per thread.
let viz: Promise<VizReader> | undefined;
const vizReader = () => (viz ??= words().then(createVizReader));

const summary = (face: {
  box: FaceSummary['box'];
  score: number;
  antispoof?: number;
  liveness?: number;
}): FaceSummary => ({
  box: face.box,
  score: face.score,
  ...(face.antispoof !== undefined && { antispoof: face.antispoof }),
  ...(face.liveness !== undefined && { liveness: face.liveness }),
});

// piscina hands Buffers over as Uint8Arrays.
const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function readMrz({ image }: { image: Uint8Array }) {
  return (await mrzReader()).read(buffer(image));
}

export async function detectFaces({ image }: { image: Uint8Array }) {
  return (await (await faceEngine()).detect(buffer(image))).map(summary);
}

export async function portrait({ image }: { image: Uint8Array }) {
  const found = await (await faceEngine()).portrait(buffer(image));
  return found && { jpeg: found.jpeg, box: found.box, face: summary(found.face) };
}

export async function compareFaces({ reference, probe }: { reference: Uint8Array; probe: Uint8Array }) {
  return (await faceEngine()).compare(buffer(reference), buffer(probe));
}

export async function checkImage({ image, regions }: { image: Uint8Array; regions?: ImageRegions }) {
  return runImageChecks(buffer(image), { faceEngine: await faceEngine(), ...regions });
}

export async function findWords({ image }: { image: Uint8Array }) {
  return (await words()).read(buffer(image));
}

export async function readVisualZone({
  image,
  mrz,
  options,
}: {
  image: Uint8Array;
  mrz: MrzReading;
  options?: ReadVisualZoneOptions;
}) {
  return (await vizReader()).read(buffer(image), mrz, options);
}

export async function decodeJpeg2000({ image }: { image: Uint8Array }) {
  try {
    return { png: await decodeJ2k(buffer(image)) };
  } catch (error) {
    // A refusal is an answer about the image; anything else is a fault of ours and stays an error.
    if (error instanceof Jpeg2000Error) return { refused: error.message };
    throw error;
  }
}
