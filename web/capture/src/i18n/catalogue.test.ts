import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { english, translator } from './catalogue';
import { LANGUAGES, normaliseLanguage, preferredLanguage } from './languages';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '..');
const englishKeys = Object.keys(english).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

function catalogue(language: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(here, `${language}.json`), 'utf8')) as Record<string, unknown>;
}

/** Every string literal in the app's own code (tests and catalogues left out). */
function sourceLiterals(): Set<string> {
  const literals = new Set<string>();
  const files = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'),
  );
  for (const file of files) {
    const text = readFileSync(path.join(sourceDir, file), 'utf8');
    for (const match of text.matchAll(/'([^'\n]+)'|"([^"\n]+)"|`([^`$\n]+)`/g))
      literals.add(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return literals;
}

describe('message catalogues', () => {
  it('has a catalogue file for every language and no file for a language the app does not list', () => {
    const files = readdirSync(here)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -5))
      .sort();
    expect(files).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has exactly the keys English has', (language) => {
    const keys = Object.keys(catalogue(language));
    expect(
      englishKeys.filter((key) => !keys.includes(key)),
      'missing keys',
    ).toEqual([]);
    expect(
      keys.filter((key) => !englishKeys.includes(key)),
      'extra keys',
    ).toEqual([]);
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s is translated: non-empty texts with the same {placeholders} as English',
    (language) => {
      const texts = catalogue(language);
      let sameAsEnglish = 0;
      for (const key of englishKeys) {
        const text = texts[key];
        expect(typeof text === 'string' && text.trim().length > 0, `${language}:${key} is empty`).toBe(true);
        if (typeof text !== 'string') continue;
        expect(placeholders(text), `${language}:${key} placeholders`).toEqual(
          placeholders(english[key as keyof typeof english]),
        );
        if (text === english[key as keyof typeof english]) sameAsEnglish++;
      }
      // A few names read the same in every language (Visa, PAN card); a catalogue mostly in English is a copy.
      expect(sameAsEnglish / englishKeys.length).toBeLessThan(0.05);
    },
  );

  it('uses every key somewhere in the app', () => {
    const literals = sourceLiterals();
    expect(englishKeys.filter((key) => !literals.has(key))).toEqual([]);
  });
});

describe('translator', () => {
  it('fills placeholders and prefers the configuration’s override for a key', () => {
    const t = translator(english, { 'app.continue': 'Go on' });
    expect(t('app.continue')).toBe('Go on');
    expect(t('app.stepOf', { current: 2, total: 5 })).toBe('Step 2 of 5');
    expect(t('app.back')).toBe('Back');
  });
});

describe('language codes', () => {
  it('maps upstream’s legacy codes and regional variants to a catalogue', () => {
    expect(['cz', 'gr', 'gb', 'uk', 'nb-NO', 'no', 'NN', 'pt-BR', 'ar'].map(normaliseLanguage)).toEqual([
      'cs',
      'el',
      'en',
      'en',
      'nb',
      'nb',
      'nb',
      'pt',
      'ar',
    ]);
    expect(normaliseLanguage('tlh')).toBeNull();
  });

  it('picks the first browser language the app speaks, else English', () => {
    expect(preferredLanguage(['tlh', 'sv-SE', 'de'])).toBe('sv');
    expect(preferredLanguage(['tlh'])).toBe('en');
  });
});
