import type { ClientEnvironment, OperatorCaller } from '../../core/domain.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { deliverNotification } from '../../jobs/definitions.js';
import { providers } from '../../providers/registry.js';
import type { AuditFilter } from '../../store/repositories/audit-log.js';
import type { ClientService } from '../clients.js';
import type { ServiceDeps } from '../context.js';
import { audit } from './audit.js';
import { decodeCursor, encodeCursor } from './cursors.js';
import { seesClient } from './scope.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** What admins do in the console: clients, their settings and webhooks, deliveries, the audit log. */
export class ConsoleAdminService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly clients: ClientService,
  ) {}

  private requireClient(operator: OperatorCaller, clientId: string): void {
    if (!seesClient(operator, clientId)) throw notFound('Client');
  }

  async listClients(operator: OperatorCaller) {
    const counts = await this.deps.store.repos.consoleSearch.processCounts();
    const all = await this.clients.list();
    return all
      .filter((c) => seesClient(operator, c.clientId))
      .map((c) => ({ ...c, createdAt: iso(c.createdAt), processCount: counts.get(c.clientId) ?? 0 }));
  }

  async createClient(operator: OperatorCaller, name: string, environment: ClientEnvironment) {
    // An operator limited to some clients cannot make new ones: they would be outside the limit.
    if (operator.clients !== null)
      throw new AppError('console_forbidden', 'Operators limited to some clients cannot create clients.');
    const created = await this.clients.create(name, environment);
    await audit(this.deps.store.repos, this.deps.clock, {
      operator: operator.email,
      action: 'client.create',
      target: created.clientId,
      after: { name, environment },
    });
    return { ...created, name: name.trim() };
  }

  async rotateSecret(operator: OperatorCaller, clientId: string) {
    this.requireClient(operator, clientId);
    const clientSecret = await this.clients.rotateSecret(clientId);
    if (clientSecret === undefined) throw notFound('Client');
    await audit(this.deps.store.repos, this.deps.clock, {
      operator: operator.email,
      action: 'client.rotateSecret',
      target: clientId,
    });
    return { clientSecret };
  }

  async deleteClient(operator: OperatorCaller, clientId: string): Promise<void> {
    this.requireClient(operator, clientId);
    const client = await this.deps.store.repos.clients.find(clientId);
    if (!client || !(await this.clients.delete(clientId))) throw notFound('Client');
    await audit(this.deps.store.repos, this.deps.clock, {
      operator: operator.email,
      action: 'client.delete',
      target: clientId,
      before: { name: client.name, environment: client.environment },
    });
  }

  async settings(operator: OperatorCaller, clientId: string) {
    this.requireClient(operator, clientId);
    if (!(await this.deps.store.repos.clients.find(clientId))) throw notFound('Client');
    const { reviewInconclusive, fourEyes } = await this.deps.store.repos.clientSettings.find(clientId);
    return { reviewInconclusive, fourEyes };
  }

  async putSettings(
    operator: OperatorCaller,
    clientId: string,
    input: { reviewInconclusive: string[]; fourEyes: boolean },
  ) {
    const before = await this.settings(operator, clientId);
    const known = new Set(providers.map((p) => p.name));
    const unknown = input.reviewInconclusive.filter((p) => !known.has(p));
    if (unknown.length > 0)
      throw new AppError(
        'validation_failed',
        `body.reviewInconclusive names unknown providers: ${unknown.join(', ')}.`,
      );
    const after = { reviewInconclusive: [...new Set(input.reviewInconclusive)], fourEyes: input.fourEyes };
    await this.deps.store.transaction(async (tx) => {
      await tx.clientSettings.put({ clientId, ...after });
      await audit(tx, this.deps.clock, {
        operator: operator.email,
        action: 'client.settings',
        target: clientId,
        before,
        after,
      });
    });
    return after;
  }

  async webhooks(operator: OperatorCaller, clientId: string) {
    this.requireClient(operator, clientId);
    if (!(await this.deps.store.repos.clients.find(clientId))) throw notFound('Client');
    const endpoints = await this.deps.store.repos.webhookEndpoints.list(clientId);
    return endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      events: e.events,
      status: e.status,
      disabledReason: e.disabledReason,
    }));
  }

  async deliveries(
    operator: OperatorCaller,
    query: { clientId?: string; failed?: boolean; cursor?: string; limit: number },
  ) {
    const { store } = this.deps;
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await store.repos.consoleSearch.deliveries(
      {
        clients: operator.clients,
        ...(query.clientId !== undefined && { clientId: query.clientId }),
        ...(query.failed && { failed: true }),
        ...(before && { before: { createdAt: before.at, id: before.id } }),
      },
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const attempts = await store.repos.deliveries.attemptsOf(page.map((d) => d.id));
    const items = [];
    for (const d of page) {
      const endpoint =
        d.endpoint_id === null ? undefined : await store.repos.webhookEndpoints.find(d.client_id, d.endpoint_id);
      const url =
        endpoint?.url ??
        (d.process_id === null ? null : await store.repos.consoleSearch.notificationUrlOf(d.process_id));
      items.push({
        id: d.id,
        clientId: d.client_id,
        endpointId: d.endpoint_id,
        url,
        processId: d.process_id,
        event: d.event,
        attempts: attempts
          .filter((a) => a.deliveryId === d.id)
          .map((a) => ({
            at: iso(a.startedAt),
            responseStatus: a.statusCode,
            error: a.error,
            durationMs: a.durationMs,
          })),
        state: d.status,
        createdAt: iso(d.created_at),
      });
    }
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null };
  }

  /** Sends a delivery's message again as a new delivery, through the usual deliver job (signed as always). */
  async redeliver(operator: OperatorCaller, deliveryId: string): Promise<{ id: string }> {
    const { store, clock, queue } = this.deps;
    const original = await store.repos.deliveries.findById(deliveryId);
    if (!original || !seesClient(operator, original.clientId)) throw notFound('Delivery');
    const id = `msg_${newId().replaceAll('-', '')}`;
    const now = clock.now();
    await store.transaction(async (tx) => {
      await tx.deliveries.insert({
        ...original,
        id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await queue.enqueue(deliverNotification, { deliveryId: id }, { tx });
      await audit(tx, clock, {
        operator: operator.email,
        action: 'delivery.redeliver',
        target: deliveryId,
        after: { deliveryId: id },
      });
    });
    return { id };
  }

  async auditLog(query: { operator?: string; action?: string; cursor?: string; limit: number }) {
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const filter: AuditFilter = {
      ...(query.operator !== undefined && { operator: query.operator }),
      ...(query.action !== undefined && { action: query.action }),
      ...(before && { before: { at: before.at, id: before.id } }),
    };
    const rows = await this.deps.store.repos.auditLog.list(filter, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((e) => ({ ...e, at: iso(e.at) })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null,
    };
  }

  /** The whole audit log as CSV lines, oldest last, read a page at a time. */
  async *auditCsv(): AsyncGenerator<string> {
    yield 'id,at,operator,action,target,before,after\n';
    let before: { at: number; id: string } | undefined;
    for (;;) {
      const rows = await this.deps.store.repos.auditLog.list(before ? { before } : {}, 500);
      for (const e of rows) {
        const cells = [e.id, iso(e.at), e.operator, e.action, e.target, json(e.before), json(e.after)];
        yield `${cells.map(csvCell).join(',')}\n`;
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < 500) return;
      before = { at: last.at, id: last.id };
    }
  }
}

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so that a spreadsheet does not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
