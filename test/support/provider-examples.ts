import { describe, expect, it } from 'vitest';
import type { MappingContext } from '../../src/providers/outcome.js';
import type { ProviderDefinition, Scenario, UpstreamErratum } from '../../src/providers/types.js';
import { differences, processExamplesOf, specAvailable, type ProcessExample } from './spec-examples.js';
import type { Outcome } from '../../src/core/domain.js';

/** The parts of a Get process response that a provider's mapping produces. */
export const mappedFields = ['status', 'providerSpecific', 'finalResult', 'statusReasons', 'failReason'] as const;

/** See UpstreamErratum in src/providers/types.ts. */
export type Erratum = UpstreamErratum;

export const today = '2026-11-21';

export function contextFor(definition: ProviderDefinition, processType: unknown): MappingContext {
  return {
    processType: typeof processType === 'string' ? processType : (definition.defaultProcessType ?? null),
    today,
  };
}

const appliesTo = (scenario: Scenario, processType: string | null) =>
  !scenario.processTypes || processType === null || scenario.processTypes.includes(processType);

/** How an outcome differs from an example, field by field (errata excepted). */
export function outcomeDifferences(
  example: ProcessExample,
  outcome: Outcome,
  errata: readonly Erratum[] = [],
): string[] {
  const skipped = new Set(errata.filter((e) => e.source === example.source).map((e) => e.field));
  return mappedFields
    .filter((field) => !skipped.has(field))
    .flatMap((field) =>
      differences(example.example[field], (outcome as unknown as Record<string, unknown>)[field], field),
    );
}

/**
 * The spec suite of a provider: every upstream Get process example of it must be reproduced, field for
 * field, by the provider's mapping applied to one of its sandbox scenarios.
 */
export function describeUpstreamExamples(
  definition: ProviderDefinition,
  errata: readonly Erratum[] = definition.upstreamErrata ?? [],
): void {
  const examples = processExamplesOf(definition.name);
  describe.skipIf(!specAvailable())(`${definition.name}: upstream examples`, () => {
    it('exist in the spec folder', () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    it.each(examples.map((e) => [`${e.source} (${e.example.status})`, e] as const))(
      'reproduces %s',
      (_name, example) => {
        const context = contextFor(definition, example.example.processType);
        const candidates = definition.scenarios
          .filter((scenario) => appliesTo(scenario, context.processType))
          .map((scenario) => ({
            scenario,
            diff: outcomeDifferences(example, definition.mapResult(scenario.raw, context), errata),
          }))
          .sort((a, b) => a.diff.length - b.diff.length);
        const best = candidates[0];
        expect(best, 'no scenario applies to this process type').toBeDefined();
        expect(best!.diff, `closest scenario: ${best!.scenario.id}`).toEqual([]);
      },
    );
  });

  describe(`${definition.name}: scenarios`, () => {
    it('have unique ids prefixed by the provider, and the first is accepted', () => {
      const ids = definition.scenarios.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.startsWith(`${definition.name}-`), id).toBe(true);
      const first = definition.scenarios[0]!;
      expect(definition.mapResult(first.raw, contextFor(definition, first.processTypes?.[0])).status).toBe('accepted');
    });

    it('each map to a final status for every process type they apply to', () => {
      const types = definition.processTypes.length > 0 ? definition.processTypes : [null];
      for (const scenario of definition.scenarios) {
        for (const type of types.filter((t) => appliesTo(scenario, t))) {
          const outcome = definition.mapResult(scenario.raw, contextFor(definition, type));
          expect(['accepted', 'rejected', 'inconclusive', 'canceled', 'failed'], `${scenario.id} as ${type}`).toContain(
            outcome.status,
          );
        }
      }
    });

    it('maps malformed raw results to failed instead of throwing', () => {
      for (const raw of [undefined, null, 42, 'x', [], {}, { unexpected: true }]) {
        const outcome = definition.mapResult(raw, contextFor(definition, undefined));
        expect(outcome.status).toBe('failed');
        expect(outcome.failReason).toBeDefined();
      }
    });
  });
}
