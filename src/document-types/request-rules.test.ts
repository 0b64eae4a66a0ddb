import { describe, expect, it } from 'vitest';
import { documentChoiceProblems } from './request-rules.js';

describe('documentChoiceProblems', () => {
  it('accepts what the provider lists, and UNIV for the MRZ-only reading', () => {
    expect(
      documentChoiceProblems({ provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD' }),
    ).toEqual([]);
    expect(
      documentChoiceProblems({ provider: 'signicatpaper', documentType: 'identityCard', documentCountry: 'NL' }),
    ).toEqual([]);
    expect(
      documentChoiceProblems({ provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' }),
    ).toEqual([]);
    expect(documentChoiceProblems({ provider: 'onfido', documentType: 'identityCard' })).toEqual([]);
  });

  it('names the fields of a document the provider does not take', () => {
    const [paper] = documentChoiceProblems({
      provider: 'signicatpaper',
      documentType: 'identityCard',
      documentCountry: 'DNK',
    });
    expect(paper).toContain("documentType 'identityCard' with documentCountry 'DNK'");
  });

  it('leaves kinds the catalogue does not hold (upstream enum values such as visa) to the schema', () => {
    expect(documentChoiceProblems({ provider: 'onfido', documentType: 'visa' })).toEqual([]);
    expect(documentChoiceProblems({ provider: 'onfido', documentType: 'workPermit' })).toEqual([]);
  });

  it('checks a PictureID documentId against its list', () => {
    expect(documentChoiceProblems({ provider: 'signicatpictureid', documentId: 147 })).toEqual([]);
    expect(documentChoiceProblems({ provider: 'signicatpictureid', documentId: 58 })).toEqual([]);
    const [unknown] = documentChoiceProblems({ provider: 'signicatpictureid', documentId: 99999 });
    expect(unknown).toContain('documentId 99999');
  });

  it('leaves malformed countries and providers without a list to the other rules', () => {
    expect(
      documentChoiceProblems({ provider: 'signicatpaper', documentType: 'passport', documentCountry: 'XX' }),
    ).toEqual([]);
    expect(documentChoiceProblems({ provider: 'facetec', documentType: 'passport' })).toEqual([]);
  });
});
