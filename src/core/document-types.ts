/** Upstream's `documentType` enum: every kind of document a request may name. */
export const upstreamDocumentTypes = [
  'driversLicense', 'passport', 'identityCard', 'residencePermit', 'workPermit', 'voterId', 'postalIdCard',
  'professionalQualificationCard', 'professionalPermit', 'socialSecurity', 'panCard', 'passportCard', 'stateId',
  'visa', 'asylumRegistrationCard', 'nationalHealthInsuranceCard', 'aadharCard', 'immigrationStatusDocument',
  'indigenousCard', 'municipalityIdentityCard', 'privateOperatorsCard', 'certificateOfSponsorship', 'serviceIdCard',
  'taxId',
] as const; // prettier-ignore
