import type { ApiError } from './raw.js';
import type { Json } from '../../core/domain.js';

/**
 * failReason for a failed Onfido call, as upstream writes it: the type names the step that failed
 * (`upload_failed`), the message is Onfido's, with the HTTP status and any field errors appended.
 */
export function apiFailReason(failure: ApiError): Json {
  const fields = Object.entries(failure.error.fields ?? {});
  const fieldErrors =
    fields.length === 0
      ? ''
      : ` | Field errors: {${fields.map(([field, messages]) => `${field}=[${messages.join(', ')}]`).join(', ')}}`;
  return {
    type: `${failure.stage}_failed`,
    message: `${failure.error.message} (status code ${failure.status_code})${fieldErrors}`,
  };
}
