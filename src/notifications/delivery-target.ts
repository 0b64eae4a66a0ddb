import type { Sealer } from '../crypto/sealer.js';
import type { DeliveryRecord } from '../store/repositories/deliveries.js';
import type { Store } from '../store/store.js';
import { webhookHeaders } from './signing.js';

/** Standard Webhooks asks receivers to answer within 15-30 s. */
const webhookTimeoutMs = 15_000;
/** Legacy Assure: the customer's endpoint must answer within 10 s. */
const legacyTimeoutMs = 10_000;
const userAgent = 'OpenAssure-Webhooks/1';

/** One ready-to-send attempt, or why the message can no longer be sent at all. */
export type DeliveryTarget =
  | { kind: 'send'; url: string; headers: Record<string, string>; body: string; timeoutMs: number }
  | { kind: 'drop'; reason: string };

export interface TargetDeps {
  store: Store;
  sealer: Sealer;
}

/**
 * Where and how to send a delivery now: a subscribed endpoint gets the payload signed with its secret
 * (a fresh timestamp per attempt, the same message id on every attempt); a process's legacy
 * notificationUrl gets the payload with the customer's own Authorization value, as upstream sends it.
 */
export async function deliveryTarget(deps: TargetDeps, delivery: DeliveryRecord, now: number): Promise<DeliveryTarget> {
  const headers = { 'content-type': 'application/json', 'user-agent': userAgent };
  if (delivery.endpointId !== null) {
    const endpoint = await deps.store.repos.webhookEndpoints.findById(delivery.endpointId);
    if (!endpoint || endpoint.clientId !== delivery.clientId) {
      return { kind: 'drop', reason: 'Not sent: the webhook endpoint was deleted.' };
    }
    if (endpoint.status !== 'active') {
      return {
        kind: 'drop',
        reason: `Not sent: the webhook endpoint is disabled (${endpoint.disabledReason ?? 'no reason given'}).`,
      };
    }
    const signed = webhookHeaders(deps.sealer.openText(endpoint.secretSealed), {
      id: delivery.id,
      timestamp: Math.floor(now / 1000),
      body: delivery.payload,
    });
    return {
      kind: 'send',
      url: endpoint.url,
      headers: { ...headers, ...signed },
      body: delivery.payload,
      timeoutMs: webhookTimeoutMs,
    };
  }
  const process =
    delivery.processId === null ? undefined : await deps.store.repos.processes.findById(delivery.processId);
  if (!process || process.clientId !== delivery.clientId || process.notificationUrl === null) {
    return { kind: 'drop', reason: 'Not sent: the process and its notificationUrl were deleted.' };
  }
  const authorization =
    process.notificationAuthSealed === null ? undefined : deps.sealer.openText(process.notificationAuthSealed);
  return {
    kind: 'send',
    url: process.notificationUrl,
    headers: { ...headers, ...(authorization !== undefined && { authorization }) },
    body: delivery.payload,
    timeoutMs: legacyTimeoutMs,
  };
}
