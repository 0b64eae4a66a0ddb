import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import {
  acceptedProviderValues,
  canonicalProviderName,
  describeProviderValues,
  providerFields,
  providers,
  resolveProvider,
} from './registry.js';

describe('provider registry', () => {
  it('resolves names, aliases and method values, and nothing else', () => {
    expect(resolveProvider('onfido')).toMatchObject({ value: 'onfido', definition: { name: 'onfido' } });
    expect(resolveProvider('paper')).toMatchObject({ value: 'signicatpaper', definition: { name: 'signicatpaper' } });
    expect(resolveProvider('connect:bankid')).toMatchObject({
      value: 'connect:bankid',
      definition: { name: 'connect' },
    });
    expect(resolveProvider('connect')).toBeUndefined();
    expect(resolveProvider('connect:Bank ID')).toBeUndefined();
    expect(resolveProvider('unknown')).toBeUndefined();
    expect(canonicalProviderName('connect:bankid')).toBe('connect');
    expect(canonicalProviderName('connect')).toBe('connect');
  });

  it('names every accepted value, in messages and in the API reference', () => {
    expect(acceptedProviderValues()).toEqual([
      'onfido',
      'eid',
      'readid',
      'signicatpaper',
      'facetec',
      'webid',
      'signicatpictureid',
      'signicatvideoid',
      'paper',
      'connect:<method>',
    ]);
    expect(describeProviderValues()).toBe(
      'onfido, eid, readid, signicatpaper (or paper), facetec, webid, signicatpictureid, signicatvideoid, or connect:<method>.',
    );
  });

  it('gives names, aliases and process types that do not collide', () => {
    const values = providers.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
    expect(new Set(values).size).toBe(values.length);
    for (const p of providers) {
      expect(p.defaultProcessType === undefined || p.processTypes.includes(p.defaultProcessType), p.name).toBe(true);
    }
  });

  it("merges providers' wire fields, and refuses one field with two schemas", () => {
    const created = providerFields((p) => p.createResponseFields);
    expect(Object.keys(created)).toEqual(expect.arrayContaining(['authorization', 'documentPages', 'redirectUrl']));
    const clash = (p: (typeof providers)[number]) =>
      p.name === 'onfido' ? { authorization: Type.Integer() } : p.createResponseFields;
    expect(() => providerFields(clash)).toThrow(/authorization/);
  });
});
