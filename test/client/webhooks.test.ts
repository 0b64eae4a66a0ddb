import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '../../packages/client/src/index.js';
import { newSigningSecret, webhookHeaders } from '../../src/notifications/signing.js';

const body = JSON.stringify({ type: 'process.completed', data: { processId: 'p-1', status: 'accepted' } });
const sentAt = 1_800_000_000;
const at = (seconds: number) => ({ now: () => seconds });

describe('verifyWebhook, against what the server signs', () => {
  const secret = newSigningSecret();
  const headers = webhookHeaders(secret, { id: 'msg_1', timestamp: sentAt, body });

  it('returns the parsed body of a message the server signed', async () => {
    expect(await verifyWebhook(secret, headers, body, at(sentAt + 10))).toEqual(JSON.parse(body));
    expect(await verifyWebhook(secret, new Headers(headers), body, at(sentAt))).toEqual(JSON.parse(body));
  });

  it('refuses another body, another secret, or a missing header', async () => {
    await expect(verifyWebhook(secret, headers, body.replace('accepted', 'rejected'), at(sentAt))).rejects.toThrow(
      WebhookVerificationError,
    );
    await expect(verifyWebhook(newSigningSecret(), headers, body, at(sentAt))).rejects.toThrow(/No webhook signature/);
    const { ['webhook-id']: _dropped, ...withoutId } = headers;
    await expect(verifyWebhook(secret, withoutId, body, at(sentAt))).rejects.toThrow(/Missing/);
  });

  it('refuses timestamps outside the tolerance, either way, so old messages cannot be replayed', async () => {
    await expect(verifyWebhook(secret, headers, body, at(sentAt + 301))).rejects.toThrow(/too far from now/);
    await expect(verifyWebhook(secret, headers, body, at(sentAt - 301))).rejects.toThrow(/too far from now/);
    expect(await verifyWebhook(secret, headers, body, { ...at(sentAt + 3600), toleranceSeconds: 7200 })).toBeTruthy();
  });

  it('accepts a message carrying several signatures when one is made with the secret', async () => {
    const other = webhookHeaders(newSigningSecret(), { id: 'msg_1', timestamp: sentAt, body });
    const both = { ...headers, 'webhook-signature': `${other['webhook-signature']} ${headers['webhook-signature']}` };
    expect(await verifyWebhook(secret, both, body, at(sentAt))).toBeTruthy();
    await expect(
      verifyWebhook(secret, { ...headers, 'webhook-signature': other['webhook-signature']! }, body, at(sentAt)),
    ).rejects.toThrow(/No webhook signature/);
  });
});
