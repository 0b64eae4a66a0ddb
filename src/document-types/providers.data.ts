import type { DocumentKind } from './kinds.js';

/** A slice of the catalogue: these document types, issued by these countries (or by any). */
export interface DocumentSelection {
  types: readonly DocumentKind[];
  countries: 'any' | readonly string[];
}

const eu =
  'AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE';
/** EU, EEA, Switzerland and the United Kingdom: where the European document templates apply. */
const europe: readonly string[] = `${eu} ISL LIE NOR CHE GBR`.split(' ');

/**
 * Which documents each provider accepts, as slices of the catalogue. Based on what each vendor
 * documents publicly: Onfido reads documents worldwide; PictureID reads passports and identity cards
 * worldwide; Signicat Paper and VideoID work from European document templates plus ICAO passports; ReadID and WebID read chip documents (ePassports
 * and European identity cards). A provider missing here (eID, FaceTec, Connect) identifies people
 * without a document, and has no list.
 */
export const providerDocuments: Readonly<Record<string, readonly DocumentSelection[]>> = {
  onfido: [
    {
      types: [
        'passport',
        'identityCard',
        'driversLicense',
        'residencePermit',
        'passportCard',
        'stateId',
        'voterId',
        'aadharCard',
        'panCard',
      ],
      countries: 'any',
    },
  ],
  signicatpaper: [
    { types: ['passport', 'identityCard', 'driversLicense', 'residencePermit', 'passportCard'], countries: europe },
  ],
  signicatpictureid: [
    { types: ['passport', 'identityCard'], countries: 'any' },
    { types: ['driversLicense', 'residencePermit', 'passportCard'], countries: europe },
  ],
  signicatvideoid: [
    { types: ['passport'], countries: 'any' },
    { types: ['identityCard', 'residencePermit'], countries: europe },
  ],
  readid: [
    { types: ['passport'], countries: 'any' },
    { types: ['identityCard', 'residencePermit'], countries: europe },
  ],
  webid: [
    { types: ['passport'], countries: 'any' },
    { types: ['identityCard'], countries: europe },
  ],
};
