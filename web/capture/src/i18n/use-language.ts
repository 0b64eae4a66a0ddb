import { useEffect, useMemo, useState } from 'preact/hooks';
import { english, loadCatalogue, translator, type Catalogue, type Translate } from './catalogue';
import { direction, normaliseLanguage, type Language } from './languages';

/** The configuration's overrides for one language; their language codes may be legacy ones (`cz`). */
function overridesFor(
  translations: Record<string, Record<string, string>>,
  language: Language,
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [code, texts] of Object.entries(translations)) {
    if (normaliseLanguage(code) === language) Object.assign(merged, texts);
  }
  return merged;
}

/**
 * The page's language: its catalogue is loaded before the switch, so the page never shows a mix; the
 * document's `lang` and `dir` follow it (Arabic reads right to left).
 */
export function useLanguage(initial: Language, translations: Record<string, Record<string, string>>) {
  const [state, setState] = useState<{ language: Language; catalogue: Catalogue }>({
    language: 'en',
    catalogue: english,
  });
  const [wanted, setWanted] = useState<Language>(initial);

  useEffect(() => {
    let current = true;
    loadCatalogue(wanted).then(
      (catalogue) => current && setState({ language: wanted, catalogue }),
      // The chunk could not be fetched (a dropped connection): stay in the language already shown.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    document.documentElement.lang = state.language;
    document.documentElement.dir = direction(state.language);
  }, [state.language]);

  const t: Translate = useMemo(
    () => translator(state.catalogue, overridesFor(translations, state.language)),
    [state, translations],
  );
  return { language: state.language, t, setLanguage: setWanted };
}
