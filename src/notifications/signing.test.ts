import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSigningSecret, parseSigningSecret, webhookHeaders } from './signing.js';

// Signatures are checked with the reference Standard Webhooks library, not with our own code.
describe('webhook signing', () => {
  const body = JSON.stringify({ type: 'process.completed', data: { processId: 'p', status: 'accepted' } });
  const now = () => Math.floor(Date.now() / 1000);

  it('produces headers the standardwebhooks library accepts', () => {
    const secret = newSigningSecret();
    const headers = webhookHeaders(secret, { id: 'msg_abc', timestamp: now(), body });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['webhook-id']).toBe('msg_abc');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it('matches the library signature for a client-given secret, byte for byte', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const timestamp = 1_614_265_330;
    const headers = webhookHeaders(secret, { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp, body });
    expect(headers['webhook-signature']).toBe(
      new Webhook(secret).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(timestamp * 1000), body),
    );
  });

  it('is rejected when the body, id, timestamp or secret differ', () => {
    const secret = newSigningSecret();
    const headers = webhookHeaders(secret, { id: 'msg_abc', timestamp: now(), body });
    const verifier = new Webhook(secret);
    expect(() => verifier.verify(body + ' ', headers)).toThrow(WebhookVerificationError);
    expect(() => verifier.verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow(WebhookVerificationError);
    expect(() => verifier.verify(body, { ...headers, 'webhook-timestamp': String(now() - 1) })).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it('generates distinct secrets of 32 random bytes', () => {
    const secrets = new Set(Array.from({ length: 50 }, newSigningSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(parseSigningSecret(secret)).toEqual({ key: expect.any(Buffer) });
    }
  });

  it.each([
    ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'must start with whsec_'],
    ['whsec_', 'standard base64'],
    ['whsec_aGVs#bG8*!!aGVsbG8gaGVsbG8gaGVsbG8gaGVsbG8=', 'standard base64'],
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'standard base64'],
    ['whsec_MfKQ9r8GKYqrTwjUPD8I-PZIo2LaLaSw', 'standard base64'],
    ['whsec_c2hvcnQ=', 'got 5'],
    [`whsec_${Buffer.alloc(65, 1).toString('base64')}`, 'got 65'],
  ])('refuses the secret %s', (secret, problem) => {
    const parsed = parseSigningSecret(secret);
    expect('problem' in parsed && parsed.problem).toContain(problem);
  });

  it('accepts a client-given secret of 24 bytes', () => {
    const parsed = parseSigningSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect('key' in parsed && parsed.key.length).toBe(24);
  });
});
