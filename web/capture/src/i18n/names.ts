import type { CountryOption } from '../api/types';
import { UNIVERSAL } from '../flow/documents';
import type { MessageKey, Translate } from './catalogue';
import type { Language } from './languages';

/** Upstream's document types and the catalogue key naming each. */
const DOCUMENT_TYPES: Readonly<Record<string, MessageKey>> = {
  driversLicense: 'documentType.driversLicense',
  passport: 'documentType.passport',
  identityCard: 'documentType.identityCard',
  residencePermit: 'documentType.residencePermit',
  workPermit: 'documentType.workPermit',
  voterId: 'documentType.voterId',
  postalIdCard: 'documentType.postalIdCard',
  professionalQualificationCard: 'documentType.professionalQualificationCard',
  professionalPermit: 'documentType.professionalPermit',
  socialSecurity: 'documentType.socialSecurity',
  panCard: 'documentType.panCard',
  passportCard: 'documentType.passportCard',
  stateId: 'documentType.stateId',
  visa: 'documentType.visa',
  asylumRegistrationCard: 'documentType.asylumRegistrationCard',
  nationalHealthInsuranceCard: 'documentType.nationalHealthInsuranceCard',
  aadharCard: 'documentType.aadharCard',
  immigrationStatusDocument: 'documentType.immigrationStatusDocument',
  indigenousCard: 'documentType.indigenousCard',
  municipalityIdentityCard: 'documentType.municipalityIdentityCard',
  privateOperatorsCard: 'documentType.privateOperatorsCard',
  certificateOfSponsorship: 'documentType.certificateOfSponsorship',
  serviceIdCard: 'documentType.serviceIdCard',
  taxId: 'documentType.taxId',
};

export function documentTypeName(documentType: string, t: Translate): string {
  const key = DOCUMENT_TYPES[documentType];
  if (key) return t(key);
  // A type added upstream after this catalogue: "someNewCard" reads as "Some new card".
  const words = documentType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The country's name in the page's language, from the browser's own data (Intl.DisplayNames). */
export function countryName(country: CountryOption, language: Language, t: Translate): string {
  if (country.iso3 === UNIVERSAL) return t('document.anyCountry');
  if (!country.iso2) return country.iso3;
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(country.iso2) ?? country.iso3;
  } catch {
    return country.iso3;
  }
}
