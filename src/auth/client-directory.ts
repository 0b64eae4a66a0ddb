import type { ClientRecord } from '../store/repositories/clients.js';
import type { Store } from '../store/store.js';

export interface AuthenticatedClient {
  id: string;
  environment: ClientRecord['environment'];
}

/** Told when a client is deleted in this process, so that its tokens stop working here at once. */
export interface ClientRevocations {
  revoked(clientId: string): void;
}

const ttlMs = 5_000;

/**
 * Looks up the client of a token. Reads may use a few seconds of memory so that the hot path does not
 * hit the database; writes always confirm the client row (`confirm`).
 *
 * How a deletion reaches every node: the node (or CLI) that deletes a client removes the client row
 * and all its data in one transaction. Its own directory is told at once (`revoked`). Other nodes
 * share no memory with it, so they learn from the database: a write confirms the client row before it
 * runs, and a write racing with the deletion fails on the foreign key to that row and is answered as
 * an unknown client (see `requireBearerToken`). A read on another node may still be let in for at most
 * `ttlMs`, and then finds nothing, since the client's rows were deleted with it. We chose this over
 * reading the client row on every request (a second database read on the hot path of every GET) and
 * over a revocation list or generation column, which would need that same read to be seen.
 */
export class ClientDirectory implements ClientRevocations {
  private readonly cache = new Map<string, { client: AuthenticatedClient | undefined; until: number }>();
  /** Bumped by every revocation, so that a lookup that started before it does not cache a stale answer. */
  private generation = 0;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** The remembered answer for this client id, or null when it has to be looked up. */
  remembered(clientId: string): AuthenticatedClient | undefined | null {
    const hit = this.cache.get(clientId);
    return hit && hit.until > this.now() ? hit.client : null;
  }

  /** The client, from memory when it was looked up in the last few seconds. */
  async find(clientId: string): Promise<AuthenticatedClient | undefined> {
    const hit = this.remembered(clientId);
    if (hit !== null) return hit;
    return this.confirm(clientId);
  }

  /** The client as the database has it now (and remembered for the next reads). */
  async confirm(clientId: string): Promise<AuthenticatedClient | undefined> {
    const generation = this.generation;
    const record = await this.store.repos.clients.find(clientId);
    const client = record && { id: record.id, environment: record.environment };
    if (generation === this.generation) this.remember(clientId, client);
    return client;
  }

  revoked(clientId: string): void {
    this.generation++;
    this.remember(clientId, undefined);
  }

  private remember(clientId: string, client: AuthenticatedClient | undefined): void {
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(clientId, { client, until: this.now() + ttlMs });
  }
}
