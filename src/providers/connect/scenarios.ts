import type { Scenario } from '../types.js';
import type { ConnectTokens, OidcError } from './raw.js';
import { encryptedIdToken, encryptedUserInfo, signedIdToken, signedUserInfo } from './sandbox-tokens.js';

/** The claims of upstream's iDIN example (a bank login: initials, surname, gender code, BIN). */
const idinClaims = {
  'consumer.bin': 'FANTASYBANK1234567890',
  sub: 'FKijFsEKXz59bXurwafuywPEcnaxc6R0',
  'consumer.initials': 'VJ',
  gender: '1',
  'idin.rabo.consumer.bin': 'FANTASYBANK1234567890',
  'signicat.national_id': 'FANTASYBANK1234567890',
  'consumer.preferredlastnameprefix': 'de',
  'consumer.partnerlastname': 'Jansen',
  given_name: 'VJ',
  'consumer.legallastnameprefix': 'de',
  'consumer.preferredlastname': 'Vries-Jansen',
  'idin.consumer.legallastnameprefix': 'de',
  family_name: 'Vries',
};

const tokens = (value: ConnectTokens): ConnectTokens => value;
const oidcError = (value: OidcError): OidcError => value;

/** Connect sandbox outcomes; the end-user's eID app captures nothing Assure stores, so there is no media. */
export const scenarios: readonly Scenario[] = [
  {
    id: 'connect-accepted',
    description: 'Login succeeded; userInfo is JSON, so finalResult is filled from its claims.',
    raw: tokens({ idToken: signedIdToken, userInfo: idinClaims }),
  },
  {
    id: 'connect-accepted-signed-jwt',
    description: 'Login succeeded; userInfo is a signed, unencrypted JWT whose claims fill finalResult.',
    raw: tokens({ idToken: encryptedIdToken, userInfo: signedUserInfo }),
  },
  {
    id: 'connect-accepted-encrypted',
    description: 'Login succeeded; userInfo is encrypted for the customer, so there is no finalResult.',
    raw: tokens({ idToken: encryptedIdToken, userInfo: encryptedUserInfo }),
  },
  {
    id: 'connect-rejected',
    description: 'Login did not complete: the eID session expired.',
    raw: oidcError({
      error: 'access_denied',
      error_description: 'The Resource Owner did not complete the login. urn:signicat:error:internal:Expired; ',
    }),
  },
  {
    id: 'connect-canceled',
    description: 'The end-user aborted the login.',
    raw: oidcError({
      error: 'access_denied',
      error_description:
        'The Resource Owner did not complete the login. urn:signicat:error:usercancel; The process was aborted by the end-user',
    }),
  },
];
