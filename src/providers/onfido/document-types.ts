/**
 * Onfido's document types in Assure's vocabulary. Assure's names are mostly Onfido's in camelCase, with a
 * few renames (driving_licence → driversLicense, national_identity_card → identityCard...).
 */
const assureNames = {
  passport: 'passport',
  driving_licence: 'driversLicense',
  national_identity_card: 'identityCard',
  residence_permit: 'residencePermit',
  work_permit: 'workPermit',
  voter_id: 'voterId',
  postal_identity_card: 'postalIdCard',
  professional_qualification_card: 'professionalQualificationCard',
  professional_permit: 'professionalPermit',
  social_security_card: 'socialSecurity',
  pan_card: 'panCard',
  passport_card: 'passportCard',
  state_id: 'stateId',
  visa: 'visa',
  asylum_registration_card: 'asylumRegistrationCard',
  national_health_insurance_card: 'nationalHealthInsuranceCard',
  aadhaar_card: 'aadharCard',
  immigration_status_document: 'immigrationStatusDocument',
  indigenous_card: 'indigenousCard',
  municipality_identity_card: 'municipalityIdentityCard',
  private_operators_card: 'privateOperatorsCard',
  certificate_of_sponsorship: 'certificateOfSponsorship',
  service_id_card: 'serviceIdCard',
  tax_id: 'taxId',
} as const;

export type AssureDocumentType = (typeof assureNames)[keyof typeof assureNames];

const isOnfidoType = (value: string): value is keyof typeof assureNames => Object.hasOwn(assureNames, value);

/**
 * The Assure document type of an Onfido one. Onfido leaves the type out, or calls it `unknown`, when
 * it could not classify the document; upstream reports `unknown` then, and so for types it has no name for.
 */
export function assureDocumentType(value: string | null | undefined): AssureDocumentType | 'unknown' {
  return value && isOnfidoType(value) ? assureNames[value] : 'unknown';
}
