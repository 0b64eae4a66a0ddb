export { createAssureClient, unwrap, type AssureApi, type AssureClient, type AssureClientOptions } from './client.js';
export { AssureError, TokenError, type AssureProblem } from './errors.js';
export { verifyWebhook, WebhookVerificationError, type VerifyWebhookOptions } from './webhooks.js';
export type { components, operations, paths } from './schema.js';
