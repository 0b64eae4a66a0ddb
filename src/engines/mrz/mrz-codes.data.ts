/**
 * Codes an MRZ may carry as issuing state or nationality besides the ISO 3166-1 alpha-3 codes
 * (ICAO Doc 9303 Part 3, section 5, "Codes for nationality, place of birth or location of issuing
 * State/authority"). In the MRZ a code shorter than three letters is padded with fillers: 'D<<'.
 */
export const mrzOnlyCodes: Readonly<Record<string, string>> = {
  D: 'Germany (the one-letter code Germany uses in place of DEU)',
  GBD: 'British Overseas Territories Citizen',
  GBN: 'British National (Overseas)',
  GBO: 'British Overseas Citizen',
  GBP: 'British Protected Person',
  GBS: 'British Subject',
  EUE: 'European Union',
  UNO: 'United Nations Organization or one of its officials',
  UNA: 'Specialized agency of the United Nations or one of its officials',
  UNK: 'Resident of Kosovo with a travel document issued by UNMIK',
  XBA: 'African Development Bank',
  XIM: 'African Export-Import Bank',
  XCC: 'Caribbean Community (CARICOM)',
  XCE: 'Council of Europe',
  XCO: 'Common Market for Eastern and Southern Africa (COMESA)',
  XEC: 'Economic Community of West African States (ECOWAS)',
  XPO: 'International Criminal Police Organization (INTERPOL)',
  XES: 'Organization of Eastern Caribbean States (OECS)',
  XOM: 'Sovereign Military Order of Malta',
  XDC: 'Southern African Development Community (SADC)',
  XXA: 'Stateless person (1954 Convention)',
  XXB: 'Refugee (1951 Convention and 1967 Protocol)',
  XXC: 'Refugee, other than XXB',
  XXX: 'Person of unspecified nationality',
  UTO: 'Utopia, the fictitious state of the ICAO specimens',
  // Not in Part 3, but printed by Kosovo on its own passports and ID cards since 2008 (ISO 3166 has no
  // code for Kosovo): rejecting it would reject every genuine Kosovar document.
  RKS: 'Kosovo (national documents)',
};
