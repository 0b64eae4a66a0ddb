/** The languages the app has a catalogue for; English is bundled, every other one loads when chosen. */
export const LANGUAGES = [
  'en',
  'nb',
  'sv',
  'da',
  'fi',
  'nl',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'pl',
  'cs',
  'el',
  'ar',
] as const;
export type Language = (typeof LANGUAGES)[number];

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['ar']);

// Upstream's legacy codes (country codes used as languages) and the Norwegian variants browsers report.
const ALIASES: Readonly<Record<string, Language>> = { cz: 'cs', gr: 'el', gb: 'en', uk: 'en', no: 'nb', nn: 'nb' };

const isLanguage = (code: string): code is Language => (LANGUAGES as readonly string[]).includes(code);

/** The catalogue language for a code such as `nb`, `nb-NO`, `NO` or the legacy `cz`; null when there is none. */
export function normaliseLanguage(code: string): Language | null {
  const base = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const language = ALIASES[base] ?? base;
  return isLanguage(language) ? language : null;
}

/** The first of the browser's preferred languages the app speaks, else English. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const preference of preferences) {
    const language = normaliseLanguage(preference);
    if (language) return language;
  }
  return 'en';
}

export const direction = (language: Language): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr');

/** The language's own name ("norsk bokmål", "Deutsch"), as a person looking for it in a list expects. */
export function languageName(language: Language): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
    return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  } catch {
    return language;
  }
}
