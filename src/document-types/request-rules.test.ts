import { describe, expect, it } from 'vitest';
import { documentList } from './index.js';
import { documentChoiceProblems } from './request-rules.js';
import { europe } from './selection.js';

describe('documentChoiceProblems', () => {
  const provider = 'example';
  const documents = documentList([
    { types: ['passport', 'identityCard'], countries: 'any' },
    { types: ['driversLicense'], countries: europe },
  ]);
  const check = (choice: { documentType?: string; documentCountry?: string; documentId?: number }) =>
    documentChoiceProblems({ provider, documents, ...choice });

  it('accepts what the provider lists, and UNIV for the MRZ-only reading', () => {
    expect(check({ documentType: 'passport', documentCountry: 'NLD' })).toEqual([]);
    expect(check({ documentType: 'driversLicense', documentCountry: 'NL' })).toEqual([]);
    expect(check({ documentType: 'driversLicense', documentCountry: 'UNIV' })).toEqual([]);
    expect(check({ documentType: 'identityCard' })).toEqual([]);
  });

  it('names the fields of a document the provider does not take, and where to look', () => {
    const [byCountry] = check({ documentType: 'driversLicense', documentCountry: 'USA' });
    expect(byCountry).toContain("documentType 'driversLicense' with documentCountry 'USA'");
    expect(byCountry).toContain('GET /assure/example/document-types');
    const [byType] = check({ documentType: 'residencePermit' });
    expect(byType).toContain("documentType 'residencePermit' is not a document type example accepts");
  });

  it('leaves kinds the catalogue does not hold (upstream enum values such as visa) to the schema', () => {
    expect(check({ documentType: 'visa' })).toEqual([]);
    expect(check({ documentType: 'workPermit' })).toEqual([]);
  });

  it('checks a documentId against the list', () => {
    expect(check({ documentId: 147 })).toEqual([]);
    expect(check({ documentId: 58 })).toEqual([]);
    const [unknown] = check({ documentId: 99999 });
    expect(unknown).toContain('documentId 99999');
    // USA's driving licence is in the catalogue, but not in this list.
    expect(check({ documentId: 341 })).toHaveLength(1);
  });

  it('leaves malformed countries, and providers without a list, to the other rules', () => {
    expect(check({ documentType: 'passport', documentCountry: 'XX' })).toEqual([]);
    expect(documentChoiceProblems({ provider, documents: undefined, documentType: 'passport' })).toEqual([]);
  });
});
