import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.js';
import { lastDocumentId } from './catalogue.data.js';
import { documentList } from './index.js';
import { europe } from './selection.js';

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

describe('document lists', () => {
  const european = documentList([
    { types: ['identityCard', 'driversLicense'], countries: europe },
    { types: ['passport'], countries: 'any' },
  ]);

  it('holds exactly the selected slices of the catalogue', () => {
    const entries = european.entries();
    expect(entries.length).toBeGreaterThan(50);
    for (const entry of entries) {
      expect(entry.type === 'passport' || europe.includes(entry.country), `${entry.type} ${entry.country}`).toBe(true);
      expect(['passport', 'identityCard', 'driversLicense']).toContain(entry.type);
      expect(entry.countryName.length).toBeGreaterThan(0);
    }
    expect(entries.filter((entry) => entry.type === 'passport').length).toBe(
      catalogue.filter((document) => document.type === 'passport').length,
    );
  });

  it('presents documents in upstream shape, with the ICAO format where one applies', () => {
    const german = european.entries().filter((entry) => entry.country === 'DEU');
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

  it('accepts documents by type alone, by type and alpha-2 or alpha-3 country, or by id', () => {
    expect(european.accepts('identityCard', 'NLD')).toBe(true);
    expect(european.accepts('identityCard', 'NL')).toBe(true);
    // Denmark issues no national identity card, and the United States are not in the selection.
    expect(european.accepts('identityCard', 'DNK')).toBe(false);
    expect(european.accepts('driversLicense', 'USA')).toBe(false);
    expect(european.accepts('passport', 'USA')).toBe(true);
    expect(european.accepts('passport', 'XX')).toBe(false);
    expect(european.accepts('residencePermit')).toBe(false);
    expect(european.acceptsId(191)).toBe(true);
    expect(european.acceptsId(341)).toBe(false);
  });
});
