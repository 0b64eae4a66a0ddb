import { invalidProviderResult, type MappingContext } from '../outcome.js';
import { mapVideoIdResult, type ReviewPolicy } from './ocr-mapping.js';
import { assertNever } from '../../core/assert-never.js';
import type { Outcome } from '../../core/domain.js';

export const processTypes = ['high', 'substantial', 'substantialFullyAuto'] as const;
export type ProcessType = (typeof processTypes)[number];
export const defaultProcessType: ProcessType = 'high';

/** Who decides, per Signicat VideoID process type. */
function reviewPolicyOf(processType: ProcessType): ReviewPolicy {
  switch (processType) {
    case 'high':
      return 'agent';
    case 'substantial':
      return 'automatic';
    case 'substantialFullyAuto':
      return 'fullyAutomatic';
    default:
      return assertNever(processType);
  }
}

/** Signicat VideoID raw result → Assure outcome (rules in ocr-mapping.ts). Pure and total. */
export function mapResult(raw: unknown, context: MappingContext): Outcome {
  const processType = context.processType ?? defaultProcessType;
  if (!isProcessType(processType)) {
    return invalidProviderResult(`Invalid provider result: '${processType}' is not a Signicat VideoID process type.`);
  }
  return mapVideoIdResult(raw, reviewPolicyOf(processType));
}

/** The review policy of a process type (the default type when none); undefined for an unknown type. */
export function policyOf(processType: string | null): ReviewPolicy | undefined {
  const type = processType ?? defaultProcessType;
  return isProcessType(type) ? reviewPolicyOf(type) : undefined;
}

const isProcessType = (value: string): value is ProcessType => (processTypes as readonly string[]).includes(value);
