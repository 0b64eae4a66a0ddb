import { fileURLToPath } from 'node:url';

/** fontconfig's configuration for tests and benchmarks: the system's fonts plus the fonts in this folder. */
export const testFontConfig = fileURLToPath(new URL('./fonts.conf', import.meta.url));

/**
 * Lets text drawn by sharp (librsvg, through fontconfig) use the OCR-B font shipped in this folder, so
 * synthetic documents render the same with or without Debian's fonts-ocr-b. fontconfig reads its
 * configuration when the process lays out its first text, so this must run before that; a
 * FONTCONFIG_FILE set by the caller is kept (it should include fonts.conf).
 */
export function useTestFonts(): void {
  process.env.FONTCONFIG_FILE ??= testFontConfig;
}
