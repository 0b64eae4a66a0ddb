import { useEffect, useState } from 'preact/hooks';
import type { CountryOption } from '../api/types';
import { useApp } from '../app/context';
import { Busy } from '../components/Busy';
import { ErrorNote } from '../components/ErrorNote';
import { Layout } from '../components/Layout';
import { allCountries, countriesFor, initialCountry, onlyChoice, typesFor } from '../flow/documents';
import { countryName, documentTypeName } from '../i18n/names';
import { useRequest } from './use-request';
import type { StepProps } from './step-props';

export function DocumentChoice({ session, progress, onDone }: StepProps) {
  const { api, t, language } = useApp();
  const { options, selected, defaultCountry } = session.document;
  const countryFirst = session.screens.countryBeforeDocumentType;
  const single = onlyChoice(options);
  const [documentType, setDocumentType] = useState(selected?.documentType ?? '');
  const [country, setCountry] = useState(() =>
    initialCountry(
      countryFirst ? allCountries(options) : countriesFor(options, selected?.documentType ?? ''),
      selected?.documentCountry,
      defaultCountry,
    ),
  );
  const request = useRequest();

  const submit = (type: string, iso3: string) => request.run(async () => onDone(await api.selectDocument(type, iso3)));

  useEffect(() => {
    if (single) submit(single.documentType, single.documentCountry);
    // Only once: a single option is picked for the person as the screen opens.
  }, []);

  const countries = countryFirst ? allCountries(options) : countriesFor(options, documentType);
  const collator = new Intl.Collator(language);
  const sorted = countries
    .map((option) => ({ option, name: countryName(option, language, t) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const types = countryFirst
    ? country
      ? typesFor(options, country)
      : []
    : options.map((option) => option.documentType);

  const chooseType = (type: string) => {
    if (countryFirst) return submit(type, country);
    setDocumentType(type);
    const forType = countriesFor(options, type);
    const preset = initialCountry(forType, country, defaultCountry);
    setCountry(preset);
    if (forType.length === 1 && preset) submit(type, preset);
  };

  if (single || request.busy) {
    return (
      <Layout title={t('document.title')} stepKey="document" progress={progress}>
        <Busy label={t('app.working')} />
        {request.error && <ErrorNote message={request.error} />}
      </Layout>
    );
  }

  const countrySelect = (list: { option: CountryOption; name: string }[]) =>
    list.length > 1 && (
      <label class="field">
        <span>{t('document.country')}</span>
        <select
          data-testid="country-select"
          value={country}
          onChange={(event) => setCountry(event.currentTarget.value)}
        >
          {!country && (
            <option value="" disabled>
              {t('document.chooseCountry')}
            </option>
          )}
          {list.map(({ option, name }) => (
            <option key={option.iso3} value={option.iso3}>
              {name}
            </option>
          ))}
        </select>
      </label>
    );

  const typeButtons = types.length > 0 && (
    <fieldset class="choices">
      <legend>{t('document.type')}</legend>
      {types.map((type) => (
        <button
          key={type}
          type="button"
          class="choice"
          data-testid={`document-type-${type}`}
          aria-pressed={!countryFirst && type === documentType}
          onClick={() => chooseType(type)}
        >
          {documentTypeName(type, t)}
        </button>
      ))}
    </fieldset>
  );

  return (
    <Layout title={t('document.title')} stepKey="document" progress={progress}>
      {countryFirst ? (
        <>
          {countrySelect(sorted)}
          {typeButtons}
        </>
      ) : (
        <>
          {typeButtons}
          {documentType && countrySelect(sorted)}
        </>
      )}
      {!countryFirst && documentType && (
        <div class="actions">
          <button
            type="button"
            class="primary"
            data-testid="document-continue"
            disabled={!country}
            onClick={() => submit(documentType, country)}
          >
            {t('app.continue')}
          </button>
        </div>
      )}
      {request.error && <ErrorNote message={request.error} />}
    </Layout>
  );
}
