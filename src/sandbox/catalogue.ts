import { AppError } from '../core/errors.js';
import { providers } from '../providers/registry.js';
import type { ProviderDefinition, Scenario } from '../providers/types.js';
import type { FinalStatus } from '../core/process-status.js';

export interface CatalogueEntry {
  id: string;
  provider: string;
  processTypes: string[];
  /** The final status the scenario produces (for its first process type). */
  status: FinalStatus;
  description: string;
}

/** Today for catalogue listings; statuses of scenarios do not depend on the date. */
const listingDay = '2026-01-01';

function typesOf(definition: ProviderDefinition, scenario: Scenario): string[] {
  return [...(scenario.processTypes ?? definition.processTypes)];
}

/** Every sandbox scenario of every provider, as the catalogue endpoint lists them. */
export function listScenarios(provider?: string): CatalogueEntry[] {
  return providers
    .filter((definition) => provider === undefined || definition.name === provider)
    .flatMap((definition) =>
      definition.scenarios.map((scenario) => {
        const processTypes = typesOf(definition, scenario);
        const processType = processTypes[0] ?? definition.defaultProcessType ?? null;
        return {
          id: scenario.id,
          provider: definition.name,
          processTypes,
          status: definition.mapResult(scenario.raw, { processType, today: listingDay }).status,
          description: scenario.description,
        };
      }),
    );
}

/**
 * The scenario a sandbox process will play: the one asked for (checked against the provider and the
 * process type), or the provider's default accepted one.
 */
export function resolveScenario(
  definition: ProviderDefinition,
  processType: string | null,
  id: string | undefined,
): Scenario {
  if (id === undefined) {
    const fallback = definition.scenarios.find(
      (s) => processType === null || !s.processTypes || s.processTypes.includes(processType),
    );
    if (!fallback) throw new Error(`Provider ${definition.name} has no sandbox scenario.`);
    return fallback;
  }
  const scenario = definition.scenarios.find((s) => s.id === id);
  if (!scenario) {
    const elsewhere = providers.some((p) => p.scenarios.some((s) => s.id === id));
    throw new AppError(
      'validation_failed',
      elsewhere
        ? `Sandbox scenario '${id}' belongs to another provider than ${definition.name}.`
        : `Unknown sandbox scenario '${id}'; GET /assure/sandbox/scenarios lists them.`,
    );
  }
  if (processType !== null && scenario.processTypes && !scenario.processTypes.includes(processType)) {
    throw new AppError(
      'validation_failed',
      `Sandbox scenario '${id}' applies to process types ${scenario.processTypes.join(', ')}, not ${processType}.`,
    );
  }
  return scenario;
}
