/**
 * A worker thread of the engine pool: loads each engine once, on first use, and answers tasks. Runs
 * under piscina; every export is a task.
 */
import { createFaceEngine } from '../face/index.js';
import type { FaceEngine } from '../face/types.js';
import { checkImage as runImageChecks } from '../image/index.js';
import { createMrzReader } from '../ocr/index.js';
import type { MrzReader } from '../ocr/types.js';
import type { FaceSummary, ImageRegions } from './types.js';
import { yieldCpuToEventLoop } from './yield-cpu.js';

yieldCpuToEventLoop();

let reader: Promise<MrzReader> | undefined;
let faces: Promise<FaceEngine> | undefined;

const mrzReader = () => (reader ??= createMrzReader());
const faceEngine = () => (faces ??= createFaceEngine());

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
