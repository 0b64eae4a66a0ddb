import { ChipFormatError } from '../../chip/asn1.js';
import { readFaceImage } from '../../chip/data-groups.js';
import { check, type Check } from '../../chip/report.js';
import { chipFilesOf, type ChipUpload } from '../../chip/upload.js';
import { verifyChip, type ChipReport } from '../../chip/verify-chip.js';
import type { FaceComparison } from '../../engines/face/types.js';
import type { EngineContext, EngineResult } from '../types.js';
import { chipSession, faceSession } from './chip-session.js';

/** How the upload's challenge stood, in the words of the Active Authentication check. */
const challengeState = (upload: ChipUpload) => (upload.challenge === 'none' ? 'unknown' : upload.challenge);

/** DG1 against the MRZ printed on the data page, when a photo of it was uploaded. */
async function printedMrzCheck(
  context: EngineContext,
  report: ChipReport,
): Promise<{ check: Check; output?: unknown }> {
  const front = context.images.front;
  if (!front) return { check: check('dg1PrintedMrz', 'NOT_PRESENT', 'No image of the data page was uploaded.') };
  if (!report.mrz)
    return { check: check('dg1PrintedMrz', 'NOT_CHECKED', 'DG1 was not verified, so there is nothing to compare.') };
  const reading = await context.engines.readMrz(front);
  const output = { format: reading.format, valid: reading.valid, problems: reading.problems };
  if (!reading.valid) {
    return {
      check: check('dg1PrintedMrz', 'NOT_CHECKED', 'The printed MRZ could not be read with confidence.'),
      output,
    };
  }
  // A valid reading has every check digit right: a difference is in the document, not the OCR.
  return reading.lines.join('') === report.mrz.join('')
    ? { check: check('dg1PrintedMrz', 'SUCCEEDED', 'The printed MRZ is the one in DG1.'), output }
    : {
        check: check(
          'dg1PrintedMrz',
          'FAILED',
          'The printed MRZ differs from DG1: the chip belongs to another document.',
        ),
        output,
      };
}

interface Portrait {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png';
}

/**
 * The DG2 face as an image the engines read, once DG2 matched its hash in the signed SOD: JPEG as the
 * chip holds it, JPEG 2000 decoded to PNG on the engine pool (its size checked from the headers first).
 */
async function chipPortrait(
  context: EngineContext,
  report: ChipReport,
  dg2: Buffer | undefined,
): Promise<{ portrait: Portrait } | { problem: string }> {
  const verified = report.dataGroups.some((g) => g.dataGroup === 2 && g.verdict === 'SUCCEEDED');
  if (!dg2 || !verified) return { problem: 'DG2 was not verified, so its face is not a reference.' };
  let face;
  try {
    face = readFaceImage(dg2);
  } catch (error) {
    if (!(error instanceof ChipFormatError)) throw error;
    return { problem: error.message };
  }
  if (face.format === 'jpeg') return { portrait: { bytes: face.bytes, contentType: 'image/jpeg' } };
  const decoded = await context.engines.decodeJpeg2000(face.bytes);
  return 'png' in decoded
    ? { portrait: { bytes: decoded.png, contentType: 'image/png' } }
    : { problem: `The DG2 face (JPEG 2000) cannot be decoded: ${decoded.refused}` };
}

/** The DG2 face against the selfie, when one was uploaded and the chip portrait could be read. */
async function faceCheck(
  context: EngineContext,
  portrait: Awaited<ReturnType<typeof chipPortrait>>,
): Promise<{ check: Check; comparison?: FaceComparison }> {
  const selfie = context.images.selfie;
  if (!selfie) return { check: check('dg2Face', 'NOT_PRESENT', 'No selfie was uploaded.') };
  if ('problem' in portrait) return { check: check('dg2Face', 'NOT_CHECKED', portrait.problem) };
  const comparison = await context.engines.compareFaces(portrait.portrait.bytes, selfie);
  const passed = comparison.missingFace === 'none' && comparison.matchLevel > 0;
  const reason = `Similarity ${comparison.similarity.toFixed(2)} (${comparison.similarityLevel}), match level ${comparison.matchLevel}.`;
  return { check: check('dg2Face', passed ? 'SUCCEEDED' : 'FAILED', reason), comparison };
}

/**
 * Live ReadID: the chip files an app uploaded, checked by this server (passive and active
 * authentication against the trust store), DG1 against the printed MRZ and the DG2 face against the
 * selfie with the engines, reported as a ReadID session. A printed MRZ that differs from DG1 fails
 * the chip verification: the chip was taken from, or put in, another document. The chip portrait
 * becomes the process's `portrait` image.
 */
export async function readIdEngineBackend(context: EngineContext): Promise<EngineResult> {
  const upload = context.chip?.upload;
  const files = upload && chipFilesOf(upload);
  if (!context.chip || !upload || !files) throw new Error('The process has no chip files to verify.');
  const base = verifyChip(
    {
      files,
      ...(upload.activeAuthentication && { activeAuthentication: upload.activeAuthentication }),
      challenge: challengeState(upload),
      ...(upload.chipAuthentication && { chipAuthentication: upload.chipAuthentication }),
      today: context.today,
    },
    context.chip.trust,
  );
  const printed = await printedMrzCheck(context, base);
  const portrait = await chipPortrait(context, base, files.dataGroups.get(2));
  const face = await faceCheck(context, portrait);
  const report: ChipReport = {
    ...base,
    chipVerification: printed.check.verdict === 'FAILED' ? 'FAILED' : base.chipVerification,
    checks: [...base.checks, printed.check, face.check],
  };
  const iproov = face.comparison ? faceSession(face.check.verdict === 'SUCCEEDED') : null;
  return {
    raw: chipSession(context.process.id, report, iproov, context.today),
    engineOutput: { printedMrz: printed.output ?? null, faceComparison: face.comparison ?? null },
    // Get image's `portrait` for ReadID is the chip's own photo, as upstream gives it.
    ...('portrait' in portrait && { images: [{ depiction: 'portrait' as const, ...portrait.portrait }] }),
  };
}
