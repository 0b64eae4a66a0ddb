import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.js';
import { lastDocumentId } from './catalogue.data.js';
import { acceptsDocument, documentTypesOf, hasDocumentList } from './index.js';
import { providerDocuments } from './providers.data.js';

/** The ids published so far, as `id country type` lines; only ever appended to. */
const knownIds = readFileSync(new URL('./known-ids.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [id, country, type] = line.split(' ');
    return { id: Number(id), country, type };
  });

describe('document catalogue', () => {
  it('gives every document its own id, none above lastDocumentId', () => {
    const ids = catalogue.map((document) => document.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBe(lastDocumentId);
  });

  it('lists each country and type once', () => {
    const keys = catalogue.map((document) => `${document.country} ${document.type}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never renumbers or drops a published id', () => {
    expect(knownIds.length).toBeGreaterThan(300);
    const byId = new Map(catalogue.map((document) => [document.id, document]));
    for (const known of knownIds) {
      expect(byId.get(known.id), `id ${known.id}`).toMatchObject({ country: known.country, type: known.type });
    }
  });

  it('keeps the ids upstream itself uses for the same documents', () => {
    expect(catalogue.find((document) => document.id === 147)).toMatchObject({ country: 'PRT', type: 'passport' });
    expect(catalogue.find((document) => document.id === 191)).toMatchObject({ country: 'DEU', type: 'identityCard' });
  });
});

describe('provider document lists', () => {
  it('selects only existing countries and gives every listed provider documents', () => {
    for (const provider of Object.keys(providerDocuments)) {
      expect(hasDocumentList(provider), provider).toBe(true);
      for (const entry of documentTypesOf(provider)) {
        expect(entry.country).toMatch(/^[A-Z]{3}$/);
        expect(entry.countryName.length).toBeGreaterThan(0);
      }
    }
    expect(hasDocumentList('facetec')).toBe(false);
  });

  it('presents documents in upstream shape, with the ICAO format where one applies', () => {
    const german = documentTypesOf('signicatpaper').filter((entry) => entry.country === 'DEU');
    expect(german).toContainEqual({
      country: 'DEU',
      countryName: 'Germany',
      type: 'identityCard',
      id: 191,
      name: 'Identity card (Germany)',
      subType: 'Identity card',
      icao: 'TD1',
    });
    expect(german.find((entry) => entry.type === 'driversLicense')).not.toHaveProperty('icao');
  });

  it('accepts documents by type alone, or by type and alpha-2 or alpha-3 country', () => {
    expect(acceptsDocument('signicatpaper', 'passport', 'NLD')).toBe(true);
    expect(acceptsDocument('signicatpaper', 'identityCard', 'NL')).toBe(true);
    expect(acceptsDocument('signicatpaper', 'identityCard', 'DNK')).toBe(false);
    expect(acceptsDocument('signicatpaper', 'passport', 'USA')).toBe(false);
    expect(acceptsDocument('onfido', 'aadharCard')).toBe(true);
    expect(acceptsDocument('onfido', 'visa')).toBe(false);
  });
});
