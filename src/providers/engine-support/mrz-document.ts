import { parseMrz, type MrzFields, type MrzValidation } from '../../engines/mrz/index.js';
import type { MrzReading } from '../../engines/ocr/types.js';
import type { ImageRegions } from '../../engines/pool/types.js';
import type { EngineContext } from '../types.js';
import type { Depiction } from '../../core/domain.js';

/** A document as the engines read it from its machine-readable zone. */
export interface MrzDocument {
  side: 'front' | 'back';
  reading: MrzReading;
  fields: MrzFields;
  validation: MrzValidation;
  /** Assure's vocabulary (passport, identityCard, visa, residencePermit, driversLicense) or 'unknown'. */
  documentType: string;
}

/** Assure's document type for an ICAO document code (first letter, sometimes two). */
function documentTypeOf(code: string): string {
  if (code.startsWith('P')) return 'passport';
  if (code.startsWith('V')) return 'visa';
  if (code === 'IR' || code === 'AR' || code === 'RP') return 'residencePermit';
  if (code.startsWith('D')) return 'driversLicense';
  if (code.startsWith('I') || code.startsWith('A') || code.startsWith('C')) return 'identityCard';
  return 'unknown';
}

/**
 * Reads the MRZ of the front image, or of the back for cards that carry it there. Undefined when
 * neither side has a zone the reader could read at all (a reading with failed check digits is still
 * returned: it says `valid: false`).
 */
export async function readMrzDocument(
  context: EngineContext,
  sides: readonly Depiction[] = ['front', 'back'],
): Promise<{
  document: MrzDocument | undefined;
  readings: Partial<Record<'front' | 'back', MrzReading>>;
}> {
  const readings: Partial<Record<'front' | 'back', MrzReading>> = {};
  for (const side of sides) {
    if (side !== 'front' && side !== 'back') continue;
    const image = context.images[side];
    if (!image) continue;
    const reading = await context.engines.readMrz(image);
    readings[side] = reading;
    if (reading.fields && reading.lines.length > 0) {
      const parsed = parseMrz(reading.lines, { today: context.today, minimumAge: context.minimumAge });
      return {
        document: {
          side,
          reading,
          fields: reading.fields,
          validation: parsed.validation,
          documentType: documentTypeOf(reading.fields.documentCode),
        },
        readings,
      };
    }
  }
  return { document: undefined, readings };
}

/**
 * Where to measure a document image's quality: glare and character pitch over the MRZ band, the text
 * that must be read (the card's edges are not known; a white background around it is not glare).
 */
export function mrzRegions(document: MrzDocument | undefined): ImageRegions | undefined {
  const box = document?.reading.box;
  if (!box) return undefined;
  const region = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
  const charactersPerLine = document.reading.lines[0]?.length ?? 44;
  return {
    documentBox: region,
    textBox: {
      ...region,
      height: Math.round(region.height / Math.max(1, document.reading.lines.length)),
      charactersPerLine,
    },
  };
}
