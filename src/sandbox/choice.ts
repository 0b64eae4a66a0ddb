import { AppError } from '../core/errors.js';
import type { ProviderDefinition } from '../providers/types.js';
import { resolveScenario } from './catalogue.js';
import type { ClientCaller } from '../core/domain.js';

/** The request header that picks a sandbox scenario. */
export const scenarioHeader = 'x-sandbox-scenario';

/**
 * Checks a scenario a client asked for (X-Sandbox-Scenario) and returns its id. Only sandbox clients
 * may ask: for a live client, the header is an error rather than silently ignored.
 */
export function chosenScenario(
  caller: ClientCaller,
  definition: ProviderDefinition,
  processType: string | null,
  requested: string | undefined,
): string | undefined {
  if (requested === undefined) return undefined;
  if (caller.environment !== 'sandbox') {
    throw new AppError('validation_failed', 'The X-Sandbox-Scenario header is only for sandbox clients.');
  }
  return resolveScenario(definition, processType, requested).id;
}
