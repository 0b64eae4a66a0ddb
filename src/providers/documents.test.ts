import { describe, expect, it } from 'vitest';
import { providers, resolveProvider } from './registry.js';

const documentsOf = (name: string) => resolveProvider(name)!.definition.documents;

describe("providers' document lists", () => {
  it('gives every provider with a list some documents, and none to those that identify without one', () => {
    for (const definition of providers.filter((p) => p.documents)) {
      expect(definition.documents!.entries().length, definition.name).toBeGreaterThan(0);
    }
    expect(providers.filter((p) => !p.documents).map((p) => p.name)).toEqual(['eid', 'facetec', 'connect']);
  });

  it('holds what each vendor documents', () => {
    expect(documentsOf('signicatpaper')!.accepts('passport', 'NLD')).toBe(true);
    expect(documentsOf('signicatpaper')!.accepts('identityCard', 'NL')).toBe(true);
    expect(documentsOf('signicatpaper')!.accepts('passport', 'USA')).toBe(false);
    expect(documentsOf('onfido')!.accepts('aadharCard')).toBe(true);
    expect(documentsOf('onfido')!.accepts('visa')).toBe(false);
    expect(documentsOf('signicatpictureid')!.acceptsId(147)).toBe(true);
    expect(documentsOf('signicatpictureid')!.acceptsId(58)).toBe(true);
    expect(documentsOf('webid')!.accepts('identityCard', 'USA')).toBe(false);
  });
});
