import { AppError, conflict, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ServiceDeps } from './context.js';
import type { AttemptRecord, DeliveryRecord } from '../store/repositories/deliveries.js';
import type { WebhookEndpointRecord } from '../store/repositories/webhook-endpoints.js';
import { webhookEvents, type WebhookEvent } from '../notifications/events.js';
import { newSigningSecret, parseSigningSecret } from '../notifications/signing.js';
import type { ClientCaller } from '../core/domain.js';

/** Endpoints a client may have; each status change fans out to all of them. */
const maxEndpointsPerClient = 20;
/** Deliveries shown per endpoint, newest first. */
const deliveryListLimit = 100;

export interface WebhookEndpointRequest {
  url: string;
  events?: readonly WebhookEvent[];
  /** A `whsec_` secret of the client's own; one is generated when absent. */
  secret?: string;
}

export interface DeliveryWithAttempts {
  delivery: DeliveryRecord;
  attempts: AttemptRecord[];
}

/**
 * A client's webhook subscriptions (Standard Webhooks). The signing secret is sealed at rest and given
 * back only in the answer to its creation. Another client's endpoint does not exist (404).
 */
export class WebhookService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(
    caller: ClientCaller,
    request: WebhookEndpointRequest,
  ): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    const problems: string[] = [];
    const urlProblem = await this.deps.checkDestination(request.url);
    if (urlProblem) problems.push(`body.url ${urlProblem}.`);
    const parsedSecret = request.secret === undefined ? undefined : parseSigningSecret(request.secret);
    if (parsedSecret && 'problem' in parsedSecret) problems.push(`body.secret ${parsedSecret.problem}.`);
    if (problems.length > 0) throw new AppError('validation_failed', problems.join(' '));

    const secret = request.secret ?? newSigningSecret();
    const requested = new Set(request.events ?? webhookEvents);
    const now = this.deps.clock.now();
    const endpoint: WebhookEndpointRecord = {
      id: newId(),
      clientId: caller.clientId,
      url: request.url,
      events: webhookEvents.filter((event) => requested.has(event)),
      secretSealed: this.deps.sealer.sealText(secret),
      status: 'active',
      disabledReason: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.transaction(async (tx) => {
      if ((await tx.webhookEndpoints.list(caller.clientId)).length >= maxEndpointsPerClient) {
        throw conflict(`A client can have at most ${maxEndpointsPerClient} webhook endpoints; delete one first.`);
      }
      await tx.webhookEndpoints.insert(endpoint);
    });
    return { endpoint, secret };
  }

  list(caller: ClientCaller): Promise<WebhookEndpointRecord[]> {
    return this.deps.store.repos.webhookEndpoints.list(caller.clientId);
  }

  async get(caller: ClientCaller, id: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.deps.store.repos.webhookEndpoints.find(caller.clientId, id);
    if (!endpoint) throw notFound('Webhook endpoint');
    return endpoint;
  }

  /** Pending deliveries to a deleted endpoint are dropped (dead) when their next attempt comes. */
  async delete(caller: ClientCaller, id: string): Promise<void> {
    if (!(await this.deps.store.repos.webhookEndpoints.delete(caller.clientId, id))) throw notFound('Webhook endpoint');
  }

  async deliveries(caller: ClientCaller, id: string): Promise<DeliveryWithAttempts[]> {
    const endpoint = await this.get(caller, id);
    return this.deps.store.repos.deliveries.listForEndpoint(endpoint.id, deliveryListLimit);
  }
}
