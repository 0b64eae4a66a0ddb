import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CAPTURE_APP_DIR } from './build.js';

/** A message catalogue of the capture app, as the page shows it: what a person reads, taken from the source. */
export class Catalogue {
  private constructor(private readonly messages: Readonly<Record<string, string>>) {}

  static of(language: string): Catalogue {
    const file = path.join(CAPTURE_APP_DIR, 'src/i18n', `${language}.json`);
    return new Catalogue(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
  }

  get keys(): string[] {
    return Object.keys(this.messages);
  }

  text(key: string): string {
    const text = this.messages[key];
    if (text === undefined) throw new Error(`The catalogue has no key ${key}.`);
    return text;
  }
}

export const en = Catalogue.of('en');
