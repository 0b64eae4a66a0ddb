/** A webhook that failed verification: treat the request as not from the server and answer 400. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

export interface VerifyWebhookOptions {
  /** How old (or how far in the future) a timestamp may be, in seconds; 300 by default. */
  toleranceSeconds?: number;
  /** Seconds since the epoch; injectable for tests. */
  now?: () => number;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const secretPrefix = 'whsec_';

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares without stopping at the first difference, so timing says nothing about the expected value. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Checks a notification the server sent to a webhook endpoint (Standard Webhooks: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`, HMAC-SHA256 of `id.timestamp.body` under the endpoint's
 * `whsec_` secret) and returns its parsed body. Pass the body exactly as received, before any JSON
 * parsing: a re-serialised body does not verify. Old timestamps are refused, which bounds replays;
 * keep the `webhook-id`s you have handled to drop the retries of a message you already processed.
 */
export async function verifyWebhook<T = unknown>(
  secret: string,
  headers: HeaderSource,
  body: string,
  options: VerifyWebhookOptions = {},
): Promise<T> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('Missing webhook signature headers.');
  const sentAt = Number(timestamp);
  const now = options.now?.() ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (!/^\d+$/.test(timestamp) || Math.abs(now - sentAt) > tolerance) {
    throw new WebhookVerificationError('The webhook timestamp is missing, malformed or too far from now.');
  }
  if (!secret.startsWith(secretPrefix))
    throw new WebhookVerificationError(`The secret must start with ${secretPrefix}.`);
  const key = await crypto.subtle.importKey(
    'raw',
    base64ToBytes(secret.slice(secretPrefix.length)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  const expected = bytesToBase64(new Uint8Array(mac));
  // Several signatures may be sent (one per secret while a secret is being rotated); one must match.
  const matches = signatures
    .split(' ')
    .map((entry) => entry.split(','))
    .some(([version, signature]) => version === 'v1' && signature !== undefined && sameText(signature, expected));
  if (!matches) throw new WebhookVerificationError('No webhook signature matches the secret.');
  return JSON.parse(body) as T;
}
