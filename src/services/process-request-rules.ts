import { AppError } from '../core/errors.js';
import { findCountry } from '../core/countries.js';
import { documentChoiceProblems } from '../document-types/request-rules.js';
import type { CreateProcessInput, ProviderDefinition } from '../providers/types.js';

/**
 * Checks the provider-dependent fields of a create-process request (the JSON schema has already
 * checked their shapes) and returns the process type to use. Every problem found is reported at once.
 * `documentChosenLater`: the end-user picks the document in the capture flow, so a provider that
 * needs one does not need it yet.
 */
export function validateProcessRequest(
  definition: ProviderDefinition,
  input: CreateProcessInput,
  options: { documentChosenLater?: boolean } = {},
): string | undefined {
  const problems: string[] = [];
  const only = (field: string, applies: boolean) => {
    if (!applies) problems.push(`${field} does not apply to the ${definition.name} provider.`);
  };

  let processType = input.processType;
  if (definition.processTypes.length === 0) {
    if (processType !== undefined) only('processType', false);
    processType = undefined;
  } else if (processType === undefined) {
    processType = definition.defaultProcessType;
  } else if (!definition.processTypes.includes(processType)) {
    problems.push(
      `processType '${processType}' is not available for ${definition.name}; use one of ${definition.processTypes.join(', ')}.`,
    );
  }

  if (input.documentType !== undefined) only('documentType', definition.documentType !== 'notApplicable');
  else if (definition.documentType === 'required' && !options.documentChosenLater) {
    problems.push(`documentType is required for ${definition.name}.`);
  }

  if (input.documentCountry !== undefined) {
    only('documentCountry', definition.documentCountry !== 'notApplicable');
    if (
      definition.documentCountry !== 'notApplicable' &&
      input.documentCountry !== 'UNIV' &&
      !findCountry(input.documentCountry)
    ) {
      problems.push('documentCountry must be an ISO 3166-1 country code (alpha-2 or alpha-3) or UNIV.');
    }
  } else if (definition.documentCountry === 'required' && !options.documentChosenLater) {
    problems.push(`documentCountry is required for ${definition.name}.`);
  }

  if (input.redact !== undefined) only('redact', definition.redaction);
  if (input.redactionLevel !== undefined) only('redactionLevel', definition.redaction);
  if (input.documentId !== undefined) only('documentId', definition.documentId !== 'notApplicable');

  // Only the fields that apply to this provider; the others were reported above.
  problems.push(
    ...documentChoiceProblems({
      provider: definition.name,
      documents: definition.documents,
      ...(definition.documentType === 'notApplicable' ? {} : { documentType: input.documentType }),
      ...(definition.documentCountry === 'notApplicable' ? {} : { documentCountry: input.documentCountry }),
      ...(definition.documentId === 'notApplicable' ? {} : { documentId: input.documentId }),
    }),
  );
  problems.push(...definition.validateCreate(input, processType));
  if (problems.length > 0) throw new AppError('validation_failed', problems.join(' '));
  return processType;
}
