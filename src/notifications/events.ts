/** Events a webhook endpoint can subscribe to. */
export const webhookEvents = ['process.status_changed', 'process.completed'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];
