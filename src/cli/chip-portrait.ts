import { writeFile } from 'node:fs/promises';
import { ChipFormatError } from '../chip/asn1.js';
import { readFaceImage } from '../chip/data-groups.js';
import type { ChipReport } from '../chip/verify-chip.js';
import { decodeJpeg2000, Jpeg2000Error } from '../engines/jpeg2000/index.js';

/**
 * `chip verify --portrait FILE`: the DG2 face written out as the server would keep it (JPEG as the
 * chip holds it, JPEG 2000 decoded to PNG), only once DG2 matched its hash in the SOD. Returns the line
 * to print; throws nothing for a face that cannot be read, it says why.
 */
export async function writePortrait(report: ChipReport, dg2: Buffer | undefined, file: string): Promise<string> {
  const verified = report.dataGroups.some((g) => g.dataGroup === 2 && g.verdict === 'SUCCEEDED');
  if (!dg2 || !verified) return 'portrait: not written, DG2 was not verified.';
  try {
    const face = readFaceImage(dg2);
    const bytes = face.format === 'jpeg' ? face.bytes : await decodeJpeg2000(face.bytes);
    await writeFile(file, bytes);
    const kind =
      face.format === 'jpeg' ? 'JPEG, as the chip holds it' : `PNG, decoded from ${face.format.toUpperCase()}`;
    return `portrait: ${file} (${kind}).`;
  } catch (error) {
    if (error instanceof ChipFormatError || error instanceof Jpeg2000Error)
      return `portrait: not written, the DG2 face cannot be decoded: ${error.message}`;
    throw error;
  }
}
