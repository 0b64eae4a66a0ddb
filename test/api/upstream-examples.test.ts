import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/registry.js';
import { contextFor, mappedFields, outcomeDifferences } from '../support/provider-examples.js';
import { requiredUploads, driveScenario } from '../support/sandbox-driver.js';
import { differences, processExamplesOf, specAvailable, type ProcessExample } from '../support/spec-examples.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';
import type { Depiction } from '../../src/core/domain.js';

/** Get process fields beyond the mapping that upstream examples show and we compare when present. */
const processFields = ['provider', 'processType', 'redactionRequested'] as const;

const cases = providers.flatMap((definition) =>
  processExamplesOf(definition.name).map(
    (example) => [`${definition.name} ${example.source}`, definition, example] as const,
  ),
);

function scenarioFor(definition: (typeof providers)[number], example: ProcessExample) {
  const context = contextFor(definition, example.example.processType);
  return definition.scenarios.find(
    (scenario) =>
      (!scenario.processTypes || context.processType === null || scenario.processTypes.includes(context.processType)) &&
      outcomeDifferences(example, definition.mapResult(scenario.raw, context), definition.upstreamErrata).length === 0,
  );
}

// Every documented Get process example, reproduced through the HTTP API by its sandbox scenario.
describe.skipIf(!specAvailable()).each(storeKinds)('upstream examples through the API on %s', (kind) => {
  const server = useTestServer(kind, {}, { worker: true });

  it.each(cases)('%s', async (_name, definition, example) => {
    const scenario = scenarioFor(definition, example);
    expect(scenario, 'no scenario reproduces this example').toBeDefined();
    const processType = contextFor(definition, example.example.processType).processType;
    const documented = example.example.depictions as Depiction[] | undefined;
    const uploads = documented
      ? documented.filter((d) => definition.uploadDepictions.includes(d))
      : requiredUploads(definition, processType);
    const { body } = await driveScenario(server().api, definition, scenario!, processType, uploads);

    const skipped = new Set(
      (definition.upstreamErrata ?? []).filter((e) => e.source === example.source).map((e) => e.field),
    );
    const problems = [...mappedFields.filter((f) => !skipped.has(f)), ...processFields]
      .filter((field) => field in example.example || mappedFields.includes(field as (typeof mappedFields)[number]))
      .flatMap((field) => differences(example.example[field], body[field], field));
    if (documented)
      problems.push(...differences([...documented].sort(), [...(body.depictions as string[])].sort(), 'depictions'));
    expect(problems).toEqual([]);
  });
});
