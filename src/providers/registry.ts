import { connect } from './connect/definition.js';
import { eid } from './eid/definition.js';
import { facetec } from './facetec/definition.js';
import { onfido } from './onfido/definition.js';
import { readid } from './readid/definition.js';
import { signicatpaper } from './signicatpaper/definition.js';
import { signicatpictureid } from './signicatpictureid/definition.js';
import { signicatvideoid } from './signicatvideoid/definition.js';
import type { ProviderDefinition } from './types.js';
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

/** Other names upstream examples use for a provider. */
const aliases: Record<string, string> = { paper: 'signicatpaper' };

const byName = new Map(providers.map((p) => [p.name, p]));
const connectMethod = /^connect:([a-z0-9][a-z0-9._-]{0,63})$/;

export interface ResolvedProvider {
  definition: ProviderDefinition;
  /** The value stored and returned as `provider` (canonical name, or `connect:<method>`). */
  value: string;
}

/** Resolves a provider value from a request, including aliases and `connect:<method>`. */
export function resolveProvider(value: string): ResolvedProvider | undefined {
  if (connectMethod.test(value)) return { definition: connect, value };
  const name = aliases[value] ?? value;
  if (name === connect.name) return undefined;
  const definition = byName.get(name);
  return definition && { definition, value: name };
}

/** The definition of a stored process's provider value. */
export function providerOf(value: string): ProviderDefinition {
  const resolved = resolveProvider(value);
  if (!resolved) throw new Error(`Unknown provider '${value}' in the store.`);
  return resolved.definition;
}

export const acceptedProviderValues = (): string[] => [
  ...providers.filter((p) => p !== connect).map((p) => p.name),
  ...Object.keys(aliases),
  'connect:<method>',
];
