/**
 * International calling codes (ITU-T E.164) of the countries a phone number is most often typed
 * without its code for, by ISO 3166 alpha-3: EU/EEA, the United Kingdom, Switzerland and the largest
 * markets elsewhere. A number for another country is written with its own +code.
 */
const callingCodes: Readonly<Record<string, string>> = {
  AUT: '43', BEL: '32', BGR: '359', HRV: '385', CYP: '357', CZE: '420', DNK: '45', EST: '372', FIN: '358',
  FRA: '33', DEU: '49', GRC: '30', HUN: '36', IRL: '353', ITA: '39', LVA: '371', LTU: '370', LUX: '352',
  MLT: '356', NLD: '31', POL: '48', PRT: '351', ROU: '40', SVK: '421', SVN: '386', ESP: '34', SWE: '46',
  ISL: '354', LIE: '423', NOR: '47', CHE: '41', GBR: '44', USA: '1', CAN: '1', AUS: '61', NZL: '64',
  BRA: '55', MEX: '52', IND: '91', JPN: '81', ZAF: '27', TUR: '90', UKR: '380', ARE: '971',
}; // prettier-ignore

const e164 = /^\+[1-9]\d{6,14}$/;

/**
 * A phone number as typed, in E.164: kept when it starts with + (or 00), else the national number
 * with the default country's code (its leading 0 dropped). Undefined when it cannot be made one.
 */
export function toE164(typed: string, defaultCountry: string | null): string | undefined {
  const compact = typed.replace(/[\s().-]/g, '');
  if (compact.startsWith('+') || compact.startsWith('00')) {
    const international = `+${compact.replace(/^(\+|00)/, '')}`;
    return e164.test(international) ? international : undefined;
  }
  const code = defaultCountry === null ? undefined : callingCodes[defaultCountry];
  if (code === undefined || !/^\d+$/.test(compact)) return undefined;
  const national = `+${code}${compact.replace(/^0/, '')}`;
  return e164.test(national) ? national : undefined;
}
