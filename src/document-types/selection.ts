import type { DocumentKind } from './kinds.js';

/** A slice of the catalogue: these document types, issued by these countries (or by any). */
export interface DocumentSelection {
  types: readonly DocumentKind[];
  countries: 'any' | readonly string[];
}

const eu =
  'AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE';
/** EU, EEA, Switzerland and the United Kingdom: where the European document templates apply. */
export const europe: readonly string[] = `${eu} ISL LIE NOR CHE GBR`.split(' ');
