import { defined, normalizeCountry, normalizeDate, normalizeGender } from '../normalize.js';
import { camelCase, camelCaseDeep } from './camel-case.js';
import { assureDocumentType } from './document-types.js';
import type { DocumentBreakdownName, DocumentProperties, DocumentReport } from './raw.js';
import type { Json } from '../../core/domain.js';

/**
 * Breakdowns whose verdict becomes a field of documentVerification. `issuing_authority` is left out:
 * its field name is taken by the issuing authority read from the document.
 */
const verdictBreakdowns = [
  'age_validation',
  'compromised_document',
  'data_comparison',
  'data_consistency',
  'data_validation',
  'image_integrity',
  'police_record',
  'visual_authenticity',
] as const satisfies readonly DocumentBreakdownName[];

/** The identity data Onfido extracted, normalised: dates YYYY-MM-DD, ISO alpha-3 countries, M/F. */
export function documentIdentity(properties: DocumentProperties = {}) {
  const p = properties;
  const numberOf = (type: string) => p.document_numbers?.find((number) => number.type === type)?.value;
  return defined({
    firstName: p.first_name,
    lastName: p.last_name,
    gender: normalizeGender(p.gender),
    nationality: normalizeCountry(p.nationality),
    dateOfBirth: normalizeDate(p.date_of_birth),
    placeOfBirth: p.place_of_birth,
    documentType: assureDocumentType(p.document_type),
    documentNumber: numberOf('document_number'),
    personalIdentificationNumber: numberOf('personal_number'),
    taxNumber: numberOf('tax_number'),
    dateOfExpiry: normalizeDate(p.date_of_expiry),
    dateOfIssue: normalizeDate(p.issuing_date),
    issuingCountry: normalizeCountry(p.issuing_country),
    issuingState: p.issuing_state,
    issuingAuthority: p.issuing_authority,
    spouseName: p.spouse_name,
    widowName: p.widow_name,
    aliasName: p.alias_name,
  });
}

/** Driving licence details, present only on licences. */
function licenceDetails(p: DocumentProperties): Json {
  return defined({
    driversLicense: p.drivers_licence,
    restrictedLicence: p.restricted_licence,
    rawLicenceCategory: p.raw_licence_category,
    rawVehicleClasses: p.raw_vehicle_classes,
    vehicleClassDetails: p.vehicle_class_details?.map((vehicleClass) =>
      defined({
        category: vehicleClass.category,
        codes: vehicleClass.codes,
        obtainmentDate: normalizeDate(vehicleClass.obtainment_date),
        expiryDate: normalizeDate(vehicleClass.expiry_date),
      }),
    ),
    manualTransmissionRestriction: p.manual_transmission_restriction,
    passengerVehicle: p.passenger_vehicle
      ? defined({
          permissionToDrive: p.passenger_vehicle.permission_to_drive,
          obtainmentDate: normalizeDate(p.passenger_vehicle.obtainment_date),
          expiryDate: normalizeDate(p.passenger_vehicle.expiry_date),
        })
      : undefined,
  });
}

/** The report's verdicts: overall, detailed, and one per breakdown Onfido ran. */
function verdicts(report: DocumentReport): Json {
  const breakdowns = verdictBreakdowns.map((name) => [camelCase(name), report.breakdown?.[name]?.result] as const);
  return defined({ result: report.result, subResult: report.sub_result, ...Object.fromEntries(breakdowns) });
}

/**
 * providerSpecific.documentVerification: Onfido's document report flattened. The nested breakdowns are
 * added only when Onfido went into sub-breakdowns (supported_document...): the top-level verdicts are
 * already fields, so without sub-breakdowns they would say nothing new.
 */
export function documentVerification(report: DocumentReport): Json {
  const properties = report.properties ?? {};
  const detailed = Object.values(report.breakdown ?? {}).some((breakdown) => breakdown?.breakdown !== undefined);
  return {
    ...documentIdentity(properties),
    ...defined({ mrzLine1: properties.mrz_line1, mrzLine2: properties.mrz_line2, mrzLine3: properties.mrz_line3 }),
    ...licenceDetails(properties),
    ...verdicts(report),
    ...(detailed && { breakdowns: camelCaseDeep(report.breakdown) }),
  };
}
