import type { LiveLogin, LoginResult } from '../types.js';
import type { ConnectTokens, OidcError } from './raw.js';

export const methodPattern = /^connect:([a-z0-9][a-z0-9._-]{0,63})$/;

/**
 * Live Connect: this server plays the broker's part. A login's tokens become the broker's token set,
 * and an error its OIDC error. The broker tells a cancel by the end-user apart with its
 * `urn:signicat:error:usercancel` code in the description; a plain issuer says `access_denied` when
 * the end-user declines, so that code is added to the issuer's own description, which is kept.
 */
export const liveLogin: LiveLogin = {
  methodOf: (value) => methodPattern.exec(value)?.[1],
  valueOf: (method) => `connect:${method}`,
  rawOf: (result: LoginResult): ConnectTokens | OidcError => {
    switch (result.kind) {
      case 'tokens':
        return { idToken: result.idToken, userInfo: result.userInfo };
      case 'error': {
        const described = result.endUserCanceled
          ? `${result.description ?? 'The end-user did not complete the login.'} urn:signicat:error:usercancel; The process was aborted by the end-user`
          : result.description;
        return { error: result.error, ...(described !== undefined && { error_description: described }) };
      }
    }
  },
};
