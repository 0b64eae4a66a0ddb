import { defined, normalizeCountry, normalizeDate, normalizeGender } from '../normalize.js';
import type { Json } from '../../core/domain.js';

/**
 * The finalResult of a document whose MRZ was read, from the MRZ values: they are the ones protected by
 * check digits. Names and the document number and type are kept as read. Upstream leaves the MRZ's
 * personal number out of finalResult in its examples, and so does this.
 */
export function finalResultOf(mrz: Record<string, string>): Json {
  return defined({
    firstName: mrz.first_name,
    lastName: mrz.last_name,
    dateOfExpiry: normalizeDate(mrz.date_of_expiry),
    gender: normalizeGender(mrz.gender),
    nationality: normalizeCountry(mrz.nationality),
    documentType: mrz.document_type,
    documentNumber: mrz.document_number,
    issuingCountry: normalizeCountry(mrz.issuing_country),
    dateOfBirth: normalizeDate(mrz.date_of_birth),
  });
}
