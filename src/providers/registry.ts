import type { TProperties } from 'typebox';
import { connect } from './connect/definition.js';
import { eid } from './eid/definition.js';
import { facetec } from './facetec/definition.js';
import { onfido } from './onfido/definition.js';
import { readid } from './readid/definition.js';
import { signicatpaper } from './signicatpaper/definition.js';
import { signicatpictureid } from './signicatpictureid/definition.js';
import { signicatvideoid } from './signicatvideoid/definition.js';
import type { LiveLogin, ProviderDefinition } from './types.js';
import { webid } from './webid/definition.js';

/** Every provider, in one list. */
export const providers: readonly ProviderDefinition[] = [
  onfido,
  eid,
  readid,
  signicatpaper,
  facetec,
  webid,
  connect,
  signicatpictureid,
  signicatvideoid,
];

const byValue = new Map(
  providers.flatMap((p) => [...(p.methodValues ? [] : [p.name]), ...(p.aliases ?? [])].map((value) => [value, p])),
);
const singleValued = providers.filter((p) => !p.methodValues);
const methodProviders = providers.filter((p) => p.methodValues);

export interface ResolvedProvider {
  definition: ProviderDefinition;
  /** The value stored and returned as `provider` (canonical name, or e.g. `connect:<method>`). */
  value: string;
}

/** Resolves a provider value from a request, including aliases and method values (`connect:<method>`). */
export function resolveProvider(value: string): ResolvedProvider | undefined {
  const method = methodProviders.find((p) => p.methodValues?.pattern.test(value));
  if (method) return { definition: method, value };
  const definition = byValue.get(value);
  return definition && { definition, value: definition.name };
}

/** The definition of a stored process's provider value. */
export function providerOf(value: string): ProviderDefinition {
  const resolved = resolveProvider(value);
  if (!resolved) throw new Error(`Unknown provider '${value}' in the store.`);
  return resolved.definition;
}

/**
 * The canonical name a filter value stands for: aliases and method values resolve to their provider,
 * anything else (a bare method provider's name, or no provider at all) stays as it is.
 */
export const canonicalProviderName = (value: string): string => resolveProvider(value)?.definition.name ?? value;

/** How a provider is written in messages and docs: its name, or its method values' form. */
export const writtenValue = (definition: ProviderDefinition): string =>
  definition.methodValues?.written ?? definition.name;

export const acceptedProviderValues = (): string[] => [
  ...singleValued.map((p) => p.name),
  ...providers.flatMap((p) => p.aliases ?? []),
  ...methodProviders.map(writtenValue),
];

/** The values Create process takes, as a sentence for the API reference. */
export function describeProviderValues(): string {
  const values = [
    ...singleValued.map((p) => (p.aliases?.length ? `${p.name} (or ${p.aliases.join(', ')})` : p.name)),
    ...methodProviders.map(writtenValue),
  ];
  return `${values.slice(0, -1).join(', ')}, or ${values.at(-1)}.`;
}

/**
 * The wire schemas every provider declares for one part of a request or response (create-response
 * fields, processParameters, Start verification fields), merged into one set of properties. Providers
 * that share a field (the SDK `authorization`) must declare the same schema for it.
 */
export function providerFields(part: (definition: ProviderDefinition) => TProperties | undefined): TProperties {
  const merged: TProperties = {};
  for (const definition of providers) {
    for (const [field, schema] of Object.entries(part(definition) ?? {})) {
      const known = merged[field];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(schema)) {
        throw new Error(`Providers declare different schemas for the field '${field}'.`);
      }
      merged[field] = schema;
    }
  }
  return merged;
}

/** The provider whose live processes are logins at an OpenID Provider the client registered. */
export function liveLoginProvider(): ProviderDefinition & { liveLogin: LiveLogin } {
  const found = providers.find((p) => p.liveLogin !== undefined);
  if (!found?.liveLogin) throw new Error('No provider takes live logins.');
  return { ...found, liveLogin: found.liveLogin };
}
