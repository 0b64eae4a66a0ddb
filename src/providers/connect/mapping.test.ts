import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, today } from '../../../test/support/provider-examples.js';
import { connect } from './definition.js';
import { mapResult } from './mapping.js';
import { encryptedIdToken, encryptedUserInfo, signedIdToken, signedUserInfo } from './sandbox-tokens.js';

describeUpstreamExamples(connect);

const context = { processType: null, today };
const map = (raw: unknown) => mapResult(raw, context);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jws = (claims: unknown, header: unknown = { alg: 'RS256' }) => `${base64url(header)}.${base64url(claims)}.c2ln`;

describe('connect mapping', () => {
  const claims = {
    given_name: 'Astrid',
    family_name: 'Lindqvist',
    gender: 'female',
    'signicat.national_id': '19900101-1234',
  };

  it('copies JSON userInfo claims into finalResult without normalising them', () => {
    const outcome = map({ idToken: signedIdToken, userInfo: claims });
    expect(outcome.status).toBe('accepted');
    expect(outcome.finalResult).toEqual({
      firstName: 'Astrid',
      lastName: 'Lindqvist',
      gender: 'female',
      personalIdentificationNumber: '19900101-1234',
    });
    expect(outcome.providerSpecific).toEqual({ idToken: signedIdToken, userInfo: claims });
  });

  it("falls back to iDIN's consumer.bin for the personal identification number", () => {
    const outcome = map({ idToken: signedIdToken, userInfo: { given_name: 'VJ', 'consumer.bin': 'BIN42' } });
    expect(outcome.finalResult).toEqual({ firstName: 'VJ', personalIdentificationNumber: 'BIN42' });
  });

  it('leaves finalResult out when no claim maps to a field', () => {
    const outcome = map({ idToken: signedIdToken, userInfo: { sub: 'abc', address: { country: 'DE' } } });
    expect(outcome.status).toBe('accepted');
    expect(outcome.finalResult).toBeUndefined();
  });

  it('decodes a signed, unencrypted userInfo JWT into the same finalResult as JSON', () => {
    const outcome = map({ idToken: signedIdToken, userInfo: jws(claims) });
    expect(outcome.status).toBe('accepted');
    expect(outcome.finalResult).toEqual(map({ idToken: signedIdToken, userInfo: claims }).finalResult);
    expect((outcome.providerSpecific as { userInfo: unknown }).userInfo).toBe(jws(claims));
  });

  it("reads upstream's signed iDIN userInfo", () => {
    expect(map({ idToken: signedIdToken, userInfo: signedUserInfo }).finalResult).toEqual({
      firstName: 'VJ',
      lastName: 'Vries',
      gender: '1',
      personalIdentificationNumber: 'FANTASYBANK1234567890',
    });
  });

  it('accepts an encrypted userInfo JWE without a finalResult', () => {
    const outcome = map({ idToken: encryptedIdToken, userInfo: encryptedUserInfo });
    expect(outcome).toEqual({
      status: 'accepted',
      providerSpecific: { idToken: encryptedIdToken, userInfo: encryptedUserInfo },
    });
  });

  it('maps a user cancel to canceled and keeps the error', () => {
    const error = { error: 'access_denied', error_description: 'Login aborted. urn:signicat:error:usercancel; bye' };
    expect(map(error)).toEqual({
      status: 'canceled',
      providerSpecific: { error: { error: 'access_denied', errorDescription: error.error_description } },
    });
  });

  it('maps every other OIDC error to rejected, never inconclusive', () => {
    expect(map({ error: 'access_denied', error_description: 'urn:signicat:error:usercancelled' }).status).toBe(
      'rejected',
    );
    expect(map({ error: 'server_error' })).toEqual({
      status: 'rejected',
      providerSpecific: { error: { error: 'server_error' } },
    });
    for (const scenario of connect.scenarios) expect(map(scenario.raw).status).not.toBe('inconclusive');
  });

  it('lets an error win over tokens in the same result', () => {
    expect(map({ error: 'access_denied', idToken: signedIdToken, userInfo: claims }).status).toBe('rejected');
  });

  it.each([
    ['a non-JWT string', 'not a token'],
    ['a JWT with four parts', 'a.b.c.d'],
    ['a JWS whose payload is not JSON', `${base64url({ alg: 'RS256' })}.bm90IGpzb24.c2ln`],
    ['a JWS whose payload is an array', jws([1, 2])],
    ['three parts with an enc header', jws(claims, { alg: 'RSA-OAEP', enc: 'A128CBC-HS256' })],
    ['five parts without an enc header', `${base64url({ alg: 'RS256' })}.a.b.c.d`],
  ])('fails on %s as userInfo', (_name, userInfo) => {
    const outcome = map({ idToken: signedIdToken, userInfo });
    expect(outcome.status).toBe('failed');
    expect(outcome.failReason).toMatchObject({ type: 'InvalidProviderResult' });
  });

  it('fails on tokens without an id token or with an array userInfo', () => {
    expect(map({ userInfo: claims }).status).toBe('failed');
    expect(map({ idToken: signedIdToken, userInfo: [claims] }).status).toBe('failed');
  });
});
