/**
 * ICAO 9303 formats (TD1, TD2, TD3, MRV-A, MRV-B) and the national layouts that share their look but
 * not their rules: the French national identity card issued before 2021 (2 x 36, not a TD2), the
 * French driving licence (1 x 30) and the Swiss driving licence (9 + 30 + 30).
 */
export type MrzFormat =
  | 'TD1'
  | 'TD2'
  | 'TD3'
  | 'MRVA'
  | 'MRVB'
  | 'FRENCH_ID'
  | 'FRENCH_DRIVING_LICENCE'
  | 'SWISS_DRIVING_LICENCE'
  | 'unknown';

export type MrzSex = 'M' | 'F' | 'X';

export interface MrzFields {
  documentCode: string;
  issuingState: string;
  /** Fillers removed; a TD1/TD2 long number includes its overflow from the optional data. */
  documentNumber: string;
  /** YYYY-MM-DD, the century chosen so that the holder is born in the past; null if not a real date. */
  dateOfBirth: string | null;
  /** '<' (unspecified) is reported as 'X'; null when the format has no sex or the character is not one. */
  sex: MrzSex | null;
  /** YYYY-MM-DD within 50 years of today; null if not a real date or absent from the format. */
  dateOfExpiry: string | null;
  /** Null where the format does not carry it (French ID card, driving licences). */
  nationality: string | null;
  /** Primary identifier, fillers turned into single spaces. */
  surname: string;
  /** Secondary identifier, fillers turned into single spaces. */
  givenNames: string;
  /**
   * TD1 line 1, TD2 and MRV optional data (after any document-number overflow), the administrative code
   * of a French ID card; fillers inside become spaces.
   */
  optionalData: string;
  /** TD1 line 2 optional data. */
  optionalData2?: string;
  /** TD3 personal number (optional data with its own check digit). */
  personalNumber?: string;
}

/** One entry per check digit the format prints; absent keys are check digits the format does not have. */
export interface MrzChecks {
  documentNumber?: boolean;
  dateOfBirth?: boolean;
  dateOfExpiry?: boolean;
  personalNumber?: boolean;
  composite?: boolean;
}

export interface MrzValidation {
  /** Every date the format carries is a real calendar date. */
  datesReal: boolean;
  /** The expiry date is today or later (false when the format has no expiry). */
  notExpired: boolean;
  /** The holder is at least `minimumAge` years old today (false without a birth date). */
  ofAge: boolean;
  knownIssuingState: boolean;
  knownNationality: boolean;
}

export interface MrzParse {
  format: MrzFormat;
  /** The lines as read: upper case, whitespace removed, empty lines dropped. */
  lines: string[];
  fields: MrzFields;
  /** Each field exactly as printed, by field name (dates as YYMMDD, check digits as characters). */
  raw: Readonly<Record<string, string>>;
  checks: MrzChecks;
  validation: MrzValidation;
  /** Every check digit holds and every field has the characters its position allows. */
  valid: boolean;
  /** Human-readable, each starting with the name of the field concerned. */
  problems: string[];
}

export interface ParseMrzOptions {
  /** YYYY-MM-DD; defaults to the current UTC date. */
  today?: string;
  /** Default 18. */
  minimumAge?: number;
}
