import { bandPng, extractBand, type Band } from './band.js';
import { hasCheckBlindRival } from './doubts.js';
import type { Grey } from './grey.js';
import type { Interpretation } from './interpret.js';
import type { BandCandidate } from './locate.js';
import type { OcrLine } from './tesseract.js';

/** A band cut at one character height, and what its OCR text says (undefined: no MRZ shape). */
export interface Pass {
  capHeight: number;
  band: Band;
  result: Interpretation | undefined;
}

const sameLines = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((line, i) => line === b[i]);

function doubtful(result: Interpretation, problem: string): Interpretation {
  return { ...result, valid: false, problems: [problem, ...result.problems] };
}

/**
 * The readings of one located band, one way up, at the character heights tried so far (each cut and
 * read at most once). Tesseract's classifier misreads differently at different scales, so readings at
 * two scales are independent evidence: one scale can settle what another left ambiguous, and a reading
 * the check digits cannot tell from a look-alike rival is trusted only when another scale agrees.
 */
export class BandReads {
  private readonly passes = new Map<number, Pass | null>();

  constructor(
    private readonly grey: Grey,
    readonly candidate: BandCandidate,
    readonly flip: boolean,
    private readonly recognise: (png: Buffer) => Promise<OcrLine[]>,
    private readonly interpret: (ocr: readonly OcrLine[]) => Interpretation | undefined,
  ) {}

  /** The band read at this character height; null when it cannot be cut there. */
  async at(capHeight: number): Promise<Pass | null> {
    if (this.passes.has(capHeight)) return this.passes.get(capHeight)!;
    const band = extractBand(this.grey, this.candidate, this.flip, capHeight);
    const pass = band ? { capHeight, band, result: this.interpret(await this.recognise(await bandPng(band))) } : null;
    this.passes.set(capHeight, pass);
    return pass;
  }

  /**
   * The reading at this height, valid only if it still is in the light of the others: no other pass
   * found a different single reading that satisfies every check digit, and, when a look-alike rival
   * satisfies them too, another pass at one of `confirmAt` found exactly this reading. (A pass that
   * found several readings names its doubt, not a rival answer: its search stops at the fewest swaps,
   * so the true reading may lie beyond them.)
   */
  async settle(capHeight: number, confirmAt: readonly number[]): Promise<Interpretation | undefined> {
    const result = (await this.at(capHeight))?.result;
    if (!result?.valid) return result;
    const lines = result.parse.lines;
    if (this.contradicts(lines))
      return doubtful(result, 'ocr: a reading at another scale fits the check digits differently');
    if (!hasCheckBlindRival(lines)) return result;
    for (const other of confirmAt) {
      if (other === capHeight) continue;
      const fits = (await this.at(other))?.result?.fits ?? [];
      if (fits.length !== 1) continue;
      if (sameLines(fits[0]!, lines)) return result;
      return doubtful(result, 'ocr: a reading at another scale fits the check digits differently');
    }
    return doubtful(
      result,
      'ocr: a look-alike reading fits the check digits as well, and no reading at another scale confirmed this one',
    );
  }

  private contradicts(lines: readonly string[]): boolean {
    return [...this.passes.values()].some((pass) => {
      const fits = pass?.result?.fits ?? [];
      return fits.length === 1 && !sameLines(fits[0]!, lines);
    });
  }
}
