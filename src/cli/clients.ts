import { parseArgs } from 'node:util';
import { openStore } from '../app.js';
import { openBlobBackend } from '../blobs/open-blob-store.js';
import type { Config } from '../config/config.js';
import { systemClock } from '../core/time.js';
import { toIsoSeconds } from '../core/time.js';
import { createLogger } from '../logging/logger.js';
import { ClientService } from '../services/clients.js';
import { UsageError } from './usage.js';
import type { ClientEnvironment } from '../core/domain.js';

/** `clients create|list|delete|retention`: manage API clients (tenants) from the command line. */
export async function clientsCommand(config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const store = await openStore(config);
  // Deleting a client deletes its blobs; the envelope layer is not needed to remove them.
  const blobs = await openBlobBackend(config.blobs.backend).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const clients = new ClientService(store, blobs, systemClock, createLogger('warn'));
  try {
    if (action === 'create') await create(clients, rest);
    else if (action === 'list') await list(clients, rest);
    else if (action === 'delete') await remove(clients, rest);
    else if (action === 'retention') await retention(clients, rest);
    else throw new UsageError('clients needs one of: create, list, delete, retention.');
  } finally {
    await blobs.close();
    await store.close();
  }
}

async function create(clients: ClientService, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      environment: { type: 'string', default: 'sandbox' },
      json: { type: 'boolean' },
    },
  });
  if (!values.name) throw new UsageError('clients create needs --name NAME.');
  if (values.environment !== 'sandbox' && values.environment !== 'live') {
    throw new UsageError('--environment must be sandbox or live.');
  }
  const created = await clients.create(values.name, values.environment as ClientEnvironment);
  if (values.json) {
    console.log(JSON.stringify(created));
  } else {
    console.log(`Created ${created.environment} client ${created.clientId}`);
    console.log(`Client secret (shown only now): ${created.clientSecret}`);
  }
}

async function list(clients: ClientService, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const all = await clients.list();
  if (values.json) {
    for (const c of all) console.log(JSON.stringify({ ...c, createdAt: toIsoSeconds(c.createdAt) }));
    return;
  }
  if (all.length === 0) console.log('No clients.');
  for (const c of all) {
    const retention = c.retentionDays === null ? 'retention:default' : `retention:${c.retentionDays}d`;
    console.log(`${c.clientId}\t${c.environment}\t${toIsoSeconds(c.createdAt)}\t${retention}\t${c.name}`);
  }
}

/** `clients retention <id> <days|default>`: the client's own retention, or back to the server's. */
async function retention(clients: ClientService, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [clientId, value] = positionals;
  if (!clientId || value === undefined || positionals.length !== 2 || !/^(\d{1,5}|default)$/.test(value)) {
    throw new UsageError('clients retention needs a client id and a number of days (0: keep forever) or "default".');
  }
  const days = value === 'default' ? null : Number(value);
  if (!(await clients.setRetention(clientId, days))) throw new UsageError(`There is no client ${clientId}.`);
  console.log(
    days === null
      ? `Client ${clientId} follows OPENASSURE_RETENTION_DAYS.`
      : days === 0
        ? `Client ${clientId} keeps its dossiers until they are deleted.`
        : `Client ${clientId}'s dossiers are deleted ${days} days after their last final status.`,
  );
}

async function remove(clients: ClientService, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [clientId] = positionals;
  if (!clientId || positionals.length !== 1) throw new UsageError('clients delete needs exactly one client id.');
  if (!(await clients.delete(clientId))) throw new UsageError(`There is no client ${clientId}.`);
  console.log(`Deleted client ${clientId} and all its data.`);
}
