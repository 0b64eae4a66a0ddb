import type { ImageCheck, ResolutionCheck, TextBox } from './types.js';

/**
 * Narrowest character cell, in pixels, that MRZ OCR reads reliably: below about 15 px every engine tried failed
 * (measured while choosing the OCR engine).
 */
const MIN_CHARACTER_PITCH = 15;

/**
 * Shortest image side, in pixels. Derived from MIN_CHARACTER_PITCH: MRZ characters sit on a 2.54 mm pitch, so 15 px
 * means 5.9 px/mm; a passport page (88 mm short side) then spans 520 px, and a document filling about 85% of the
 * frame needs a 612 px short side, rounded to 600. An ID card (54 mm) needs less; this bounds the largest format.
 */
const MIN_SHORT_SIDE = 600;

function characterPitch(textBox: TextBox): number {
  return textBox.charactersPerLine > 0 ? textBox.width / textBox.charactersPerLine : 0;
}

export function resolutionCheck(size: { width: number; height: number }, textBox?: TextBox): ResolutionCheck {
  const shortSide = Math.min(size.width, size.height);
  const check: ResolutionCheck = { value: shortSide, passed: shortSide >= MIN_SHORT_SIDE, threshold: MIN_SHORT_SIDE };
  if (textBox) {
    const pitch = characterPitch(textBox);
    const pitchCheck: ImageCheck = {
      value: pitch,
      passed: pitch >= MIN_CHARACTER_PITCH,
      threshold: MIN_CHARACTER_PITCH,
    };
    check.characterPitch = pitchCheck;
    // Where the text is known, its pitch decides: a large photo of a small, distant document still fails.
    check.passed = check.passed && pitchCheck.passed;
  }
  return check;
}
