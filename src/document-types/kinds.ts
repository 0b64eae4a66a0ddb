/**
 * The document types the catalogue uses (a subset of upstream's `documentType` enum), with the label
 * shown as `subType` and the ICAO Doc 9303 format of its machine-readable zone. Driving licences and
 * the national cards below them follow no ICAO format (ISO/IEC 18013 or national rules), so they
 * carry no `icao` value.
 */
export const documentKinds = {
  passport: { label: 'Passport', icao: 'TD3' },
  identityCard: { label: 'Identity card', icao: 'TD1' },
  driversLicense: { label: 'Driving licence', icao: undefined },
  residencePermit: { label: 'Residence permit', icao: 'TD1' },
  passportCard: { label: 'Passport card', icao: 'TD1' },
  stateId: { label: 'State ID card', icao: undefined },
  voterId: { label: 'Voter ID card', icao: undefined },
  aadharCard: { label: 'Aadhaar card', icao: undefined },
  panCard: { label: 'PAN card', icao: undefined },
} as const satisfies Record<string, { label: string; icao: string | undefined }>;

export type DocumentKind = keyof typeof documentKinds;

export const isDocumentKind = (value: string): value is DocumentKind => Object.hasOwn(documentKinds, value);

/**
 * The side of a document that carries its machine-readable zone: the photo page of a passport (TD3),
 * the back of an ID-1 card (TD1). Undefined for documents without an MRZ.
 */
export function mrzSideOf(type: string): 'front' | 'back' | undefined {
  if (!isDocumentKind(type)) return undefined;
  const format = documentKinds[type].icao;
  return format === 'TD3' ? 'front' : format === 'TD1' ? 'back' : undefined;
}
