import { describe, expect, it } from 'vitest';
import { captureSteps, documentOptions } from './document-options.js';

const accepted = [
  { id: 1, type: 'passport', country: 'NLD' },
  { id: 2, type: 'identityCard', country: 'NLD' },
  { id: 3, type: 'passport', country: 'NOR' },
  { id: 4, type: 'driversLicense', country: 'NOR' },
];
const alpha2 = (alpha3: string) => ({ NLD: 'NL', NOR: 'NO' })[alpha3];
const none = { documentTypes: [], documentCountries: {}, allowedIdTypes: [] };

describe('the documents a capture flow offers', () => {
  it("offers everything the provider accepts when the configuration doesn't filter", () => {
    expect(documentOptions(accepted, none, alpha2)).toEqual([
      {
        documentType: 'passport',
        countries: [
          { iso3: 'NLD', iso2: 'NL' },
          { iso3: 'NOR', iso2: 'NO' },
        ],
      },
      { documentType: 'identityCard', countries: [{ iso3: 'NLD', iso2: 'NL' }] },
      { documentType: 'driversLicense', countries: [{ iso3: 'NOR', iso2: 'NO' }] },
    ]);
  });

  it('narrows by type, by countries per type and by document id', () => {
    const filtered = documentOptions(
      accepted,
      {
        documentTypes: ['passport', 'identityCard'],
        documentCountries: { passport: ['NOR', 'SWE'] },
        allowedIdTypes: [],
      },
      alpha2,
    );
    expect(filtered).toEqual([
      { documentType: 'passport', countries: [{ iso3: 'NOR', iso2: 'NO' }] },
      { documentType: 'identityCard', countries: [{ iso3: 'NLD', iso2: 'NL' }] },
    ]);
    expect(documentOptions(accepted, { ...none, allowedIdTypes: [4] }, alpha2)).toEqual([
      { documentType: 'driversLicense', countries: [{ iso3: 'NOR', iso2: 'NO' }] },
    ]);
  });

  it('adds "other countries" for passports when the filter lists UNIV', () => {
    const options = documentOptions(accepted, { ...none, documentCountries: { passport: ['NLD', 'UNIV'] } }, alpha2);
    expect(options[0]).toEqual({
      documentType: 'passport',
      countries: [
        { iso3: 'NLD', iso2: 'NL' },
        { iso3: 'UNIV', iso2: null },
      ],
    });
  });
});

describe('the images a capture flow asks for', () => {
  const document = { document: true, selfie: 'optional' } as const;
  const settings = { twoSidedPassports: [] as string[], takeSelfie: false };

  it('asks for the back of cards, and of passports only where the configuration says', () => {
    expect(captureSteps({ documentType: 'identityCard', documentCountry: 'NLD' }, settings, document)).toEqual([
      'front',
      'back',
    ]);
    expect(captureSteps({ documentType: 'passport', documentCountry: 'NLD' }, settings, document)).toEqual(['front']);
    expect(
      captureSteps(
        { documentType: 'passport', documentCountry: 'NLD' },
        { ...settings, twoSidedPassports: ['NLD'] },
        document,
      ),
    ).toEqual(['front', 'back']);
    expect(
      captureSteps(
        { documentType: 'passport', documentCountry: 'NOR' },
        { ...settings, twoSidedPassports: 'all' },
        document,
      ),
    ).toEqual(['front', 'back']);
  });

  it('adds a selfie when the process needs one, or when asked and the provider takes one', () => {
    const passport = { documentType: 'passport', documentCountry: 'NLD' };
    expect(captureSteps(passport, settings, { document: true, selfie: 'required' })).toEqual(['front', 'selfie']);
    expect(captureSteps(passport, { ...settings, takeSelfie: true }, document)).toEqual(['front', 'selfie']);
    expect(captureSteps(passport, { ...settings, takeSelfie: true }, { document: true, selfie: 'never' })).toEqual([
      'front',
    ]);
  });

  it('ends with the selfie video after the document, for live video identifications', () => {
    const card = { documentType: 'identityCard', documentCountry: 'NLD' };
    const needs = { document: true, selfie: 'never' as const, selfieVideo: true };
    expect(captureSteps(card, settings, needs)).toEqual(['front', 'back', 'selfieVideo']);
    expect(captureSteps({ ...card, documentType: 'passport' }, settings, needs)).toEqual(['front', 'selfieVideo']);
    expect(captureSteps(null, settings, needs)).toEqual([]);
  });

  it('waits for the document choice before it knows the steps', () => {
    expect(captureSteps(null, settings, { document: true, selfie: 'required' })).toEqual([]);
  });
});
