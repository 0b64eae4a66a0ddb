import en from './en.json';
import type { Language } from './languages';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

export const english: Catalogue = en;

// One chunk per language, fetched from 'self' only when someone picks it.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalogue }>> = {
  nb: () => import('./nb.json'),
  sv: () => import('./sv.json'),
  da: () => import('./da.json'),
  fi: () => import('./fi.json'),
  nl: () => import('./nl.json'),
  de: () => import('./de.json'),
  fr: () => import('./fr.json'),
  es: () => import('./es.json'),
  pt: () => import('./pt.json'),
  it: () => import('./it.json'),
  pl: () => import('./pl.json'),
  cs: () => import('./cs.json'),
  el: () => import('./el.json'),
  ar: () => import('./ar.json'),
};

export async function loadCatalogue(language: Language): Promise<Catalogue> {
  if (language === 'en') return english;
  return (await loaders[language]()).default;
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * `t(key, params)` for one language: the configuration's override for the key if it has one, else the
 * catalogue, else English; `{name}` placeholders are filled from `params`.
 */
export function translator(catalogue: Catalogue, overrides: Readonly<Record<string, string>> = {}): Translate {
  return (key, params) => {
    const text = overrides[key] ?? catalogue[key] ?? english[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
  };
}
