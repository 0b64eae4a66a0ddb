import type { ClientRecord } from '../store/repositories/clients.js';
import type { Store } from '../store/store.js';

export interface AuthenticatedClient {
  id: string;
  environment: ClientRecord['environment'];
}

const ttlMs = 5_000;

/**
 * Looks up the client of a token on each request, with a few seconds of memory so that the hot path
 * does not hit the database; a deleted client loses access within `ttlMs` on every node.
 */
export class ClientDirectory {
  private readonly cache = new Map<string, { client: AuthenticatedClient | undefined; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** The remembered answer for this client id, or null when it has to be looked up. */
  remembered(clientId: string): AuthenticatedClient | undefined | null {
    const hit = this.cache.get(clientId);
    return hit && hit.until > this.now() ? hit.client : null;
  }

  async find(clientId: string): Promise<AuthenticatedClient | undefined> {
    const hit = this.remembered(clientId);
    if (hit !== null) return hit;
    const record = await this.store.repos.clients.find(clientId);
    const client = record && { id: record.id, environment: record.environment };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(clientId, { client, until: this.now() + ttlMs });
    return client;
  }

  forget(clientId: string): void {
    this.cache.delete(clientId);
  }
}
