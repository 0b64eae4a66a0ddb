/**
 * Why the relying party stopped. `unavailable`: the issuer could not be reached or answered with a
 * server error (nothing the end-user did). `invalid_issuer`: its discovery document or keys are unusable.
 * `invalid_id_token` and `invalid_userinfo`: what came back failed a check (the login is not trusted).
 * `token_error`: the token endpoint refused the code (OAuth error in `oauthError`).
 */
export type ConnectFailure = 'unavailable' | 'invalid_issuer' | 'invalid_id_token' | 'invalid_userinfo' | 'token_error';

export class ConnectError extends Error {
  constructor(
    readonly failure: ConnectFailure,
    message: string,
    readonly oauthError?: { error: string; error_description?: string },
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}
