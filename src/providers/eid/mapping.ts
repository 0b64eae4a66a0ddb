import { assertNever } from '../../core/assert-never.js';
import { mapVideoIdResult, type ReviewPolicy } from '../signicatvideoid/ocr-mapping.js';
import { invalidProviderResult, type MappingContext } from '../outcome.js';
import type { Outcome } from '../../core/domain.js';

export const processTypes = ['unattended', 'attended', 'substantial'] as const;
export type ProcessType = (typeof processTypes)[number];
export const defaultProcessType: ProcessType = 'unattended';

/**
 * Who decides, per eid process type: an agent reviews unattended processes offline and attended ones
 * live, so both carry the agent's manual approval; substantial is decided automatically.
 */
function reviewPolicyOf(processType: ProcessType): ReviewPolicy {
  switch (processType) {
    case 'unattended':
    case 'attended':
      return 'agent';
    case 'substantial':
      return 'automatic';
    default:
      return assertNever(processType);
  }
}

/** eid raw result → Assure outcome, with the VideoID rules (signicatvideoid/ocr-mapping.ts). Pure and total. */
export function mapResult(raw: unknown, context: MappingContext): Outcome {
  const processType = context.processType ?? defaultProcessType;
  if (!isProcessType(processType)) {
    return invalidProviderResult(
      `Invalid provider result: '${processType}' is not a Electronic IDentification process type.`,
    );
  }
  return mapVideoIdResult(raw, reviewPolicyOf(processType));
}

/** The review policy of a process type (the default type when none); undefined for an unknown type. */
export function policyOf(processType: string | null): ReviewPolicy | undefined {
  const type = processType ?? defaultProcessType;
  return isProcessType(type) ? reviewPolicyOf(type) : undefined;
}

const isProcessType = (value: string): value is ProcessType => (processTypes as readonly string[]).includes(value);
