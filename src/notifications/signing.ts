import { createHmac, randomBytes } from 'node:crypto';

const prefix = 'whsec_';
const minSecretBytes = 24;
const maxSecretBytes = 64;
const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A new Standard Webhooks signing secret: `whsec_` and the base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return prefix + randomBytes(32).toString('base64');
}

/**
 * The key bytes of a `whsec_<base64>` secret, or why it is not one. Base64 is checked strictly because
 * Buffer.from(s, 'base64') skips characters it does not know, which would silently shorten the key.
 */
export function parseSigningSecret(secret: string): { key: Buffer } | { problem: string } {
  if (!secret.startsWith(prefix)) return { problem: `must start with ${prefix}` };
  const encoded = secret.slice(prefix.length);
  if (encoded.length === 0 || !strictBase64.test(encoded)) {
    return { problem: `must be ${prefix} followed by standard base64` };
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < minSecretBytes || key.length > maxSecretBytes) {
    return { problem: `must encode ${minSecretBytes} to ${maxSecretBytes} bytes (got ${key.length})` };
  }
  return { key };
}

export interface SignedMessage {
  /** The message id, the same on every retry of one message. */
  id: string;
  /** Seconds since the epoch, when this attempt is sent. */
  timestamp: number;
  body: string;
}

/**
 * The Standard Webhooks headers of one attempt: the receiver recomputes the HMAC-SHA256 of
 * `id.timestamp.body` with the secret's bytes, and rejects old timestamps, which bounds replays.
 *
 * @example
 *   webhookHeaders(newSigningSecret(), { id: 'msg_1', timestamp: 1700000000, body: '{}' });
 *   // { 'webhook-id': 'msg_1', 'webhook-timestamp': '1700000000', 'webhook-signature': 'v1,K5o...' }
 */
export function webhookHeaders(secret: string, message: SignedMessage): Record<string, string> {
  const parsed = parseSigningSecret(secret);
  if ('problem' in parsed) throw new Error(`The stored signing secret is not valid: it ${parsed.problem}.`);
  const signature = createHmac('sha256', parsed.key)
    .update(`${message.id}.${message.timestamp}.${message.body}`, 'utf8')
    .digest('base64');
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': `v1,${signature}`,
  };
}
