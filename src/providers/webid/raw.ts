import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

/**
 * The raw result of a WebID process: WebID's ident response for the user-action, sent when the video
 * call (videoid) or the self-service identification (accountid) reached its success or no-success
 * state. The schema is open (WebID may add fields) but every field the mapping reads is checked.
 */

const optionalText = Type.Optional(Type.String());

const WebIdAddress = Type.Object({
  street: optionalText,
  streetNumber: optionalText,
  addressLine1: optionalText,
  addressLine2: optionalText,
  region: optionalText,
  zip: optionalText,
  city: optionalText,
  country: optionalText,
});

const WebIdContact = Type.Object({
  email: optionalText,
  mobile: optionalText,
  phone: optionalText,
  cell: optionalText,
});

/** The person as the agent confirmed her; WebID writes `firstname`, the Assure schema `firstName`. */
const WebIdUser = Type.Object({
  title: optionalText,
  firstname: optionalText,
  lastname: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  dateOfBirth: optionalText,
  gender: optionalText,
  sex: optionalText,
  address: Type.Optional(WebIdAddress),
  contact: Type.Optional(WebIdContact),
});
export type WebIdUser = Static<typeof WebIdUser>;

const WebIdIdDocument = Type.Object({
  documentType: optionalText,
  idNumber: optionalText,
  documentNumber: optionalText,
  dateOfIssue: optionalText,
  dateOfExpiry: optionalText,
  authority: optionalText,
  issuingAuthority: optionalText,
  issuingCountry: optionalText,
  nationality: optionalText,
  placeOfBirth: optionalText,
  nameAtBirth: optionalText,
  mrz: optionalText,
});
export type WebIdIdDocument = Static<typeof WebIdIdDocument>;

const WebIdProductInfos = Type.Object({
  bankAccount: Type.Optional(Type.Object({ iban: optionalText })),
});

export const WebIdIdentResponse = Type.Object({
  /** WebID's nine-digit id of the user-action (the process's external id). */
  actionId: Type.String({ pattern: '^[0-9]{9}$' }),
  /** The integrator's reference: Assure sends the process id. */
  transactionId: optionalText,
  actionType: optionalText,
  /** Whether the user-action reached its success state. */
  success: Type.Boolean(),
  /** Whether the data the agent confirmed differs from the data the user was created with. */
  mismatch: Type.Boolean(),
  responseType: optionalText,
  finishedOn: optionalText,
  identMode: optionalText,
  agentId: optionalText,
  // Null when the identification failed.
  identifiedOn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  rejectionReason: optionalText,
  idDocument: Type.Optional(WebIdIdDocument),
  user: Type.Optional(WebIdUser),
  productInfos: Type.Optional(WebIdProductInfos),
});
export type WebIdIdentResponse = Static<typeof WebIdIdentResponse>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const validator = Compile(WebIdIdentResponse);

/** Checks an unknown value against the ident response; never throws. */
export function parseIdentResponse(raw: unknown): Parsed<WebIdIdentResponse> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'the WebID ident response is not an object' };
  }
  if (validator.Check(raw)) return { ok: true, value: raw };
  const [error] = validator.Errors(raw);
  return { ok: false, problem: error ? `${error.instancePath || '/'} ${error.message}` : 'invalid ident response' };
}
