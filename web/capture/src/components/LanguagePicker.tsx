import { useApp } from '../app/context';
import { languageName, normaliseLanguage } from '../i18n/languages';

/** Shown only when the configuration offers more than one language. */
export function LanguagePicker() {
  const { t, language, languages, setLanguage } = useApp();
  if (languages.length < 2) return null;
  return (
    <label class="language-picker">
      <span>{t('app.language')}</span>
      <select
        data-testid="language-select"
        value={language}
        onChange={(event) => {
          const chosen = normaliseLanguage(event.currentTarget.value);
          if (chosen) setLanguage(chosen);
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
