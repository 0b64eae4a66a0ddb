import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CAPTURE_APP_DIR } from './build.js';

/** A message catalogue of the capture app: key → text. */
export type Catalogue = Record<string, string>;

/** The app's catalogue of a language, as the page shows it (what a person reads, checked against the source). */
export function catalogue(language: string): Catalogue {
  const file = path.join(CAPTURE_APP_DIR, 'src/i18n', `${language}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

export const en = catalogue('en');
