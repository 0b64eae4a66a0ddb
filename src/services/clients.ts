import { randomBytes } from 'node:crypto';
import type { ClientRevocations } from '../auth/client-directory.js';
import { hashClientSecret, newClientSecret, verifyClientSecret } from '../auth/client-secrets.js';
import { deleteBlobsQuietly, type BlobStore } from '../blobs/blob-store.js';
import { AppError } from '../core/errors.js';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { ClientRecord } from '../store/repositories/clients.js';
import type { Store } from '../store/store.js';
import type { ClientEnvironment } from '../core/domain.js';

export interface NewClientCredentials {
  clientId: string;
  clientSecret: string;
  environment: ClientEnvironment;
}

export interface ClientSummary {
  clientId: string;
  name: string;
  environment: ClientEnvironment;
  createdAt: number;
  /** The client's own retention in days; null follows OPENASSURE_RETENTION_DAYS, 0 keeps forever. */
  retentionDays: number | null;
}

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const randomSuffix = (length: number) =>
  Array.from(randomBytes(length), (byte) => idAlphabet[byte % idAlphabet.length]).join('');

/** API clients (tenants): creation, credential checks, listing and deletion with all their data. */
export class ClientService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** This process's client directory, if it serves requests: a deleted client is refused here at once. */
    private readonly revocations?: ClientRevocations,
  ) {}

  async create(name: string, environment: ClientEnvironment): Promise<NewClientCredentials> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200)
      throw new AppError('bad_request', 'A client name is 1-200 characters.');
    const clientId = `${environment}-${randomSuffix(24)}`;
    const clientSecret = newClientSecret();
    const now = this.clock.now();
    await this.store.repos.clients.insert({
      id: clientId,
      name: trimmed,
      secretHash: await hashClientSecret(clientSecret),
      environment,
      createdAt: now,
      updatedAt: now,
    });
    return { clientId, clientSecret, environment };
  }

  /** Creates, or updates to exactly these credentials, the sandbox client named by the operator. */
  async ensureBootstrapClient(clientId: string, clientSecret: string): Promise<void> {
    const now = this.clock.now();
    const secretHash = await hashClientSecret(clientSecret);
    const existing = await this.store.repos.clients.find(clientId);
    if (existing) {
      await this.store.repos.clients.updateCredentials(clientId, secretHash, 'sandbox', now);
      return;
    }
    await this.store.repos.clients.insert({
      id: clientId,
      name: 'bootstrap',
      secretHash,
      environment: 'sandbox',
      createdAt: now,
      updatedAt: now,
    });
  }

  /** A new secret for a client; the old one no longer gets tokens. Undefined for an unknown client. */
  async rotateSecret(clientId: string): Promise<string | undefined> {
    const client = await this.store.repos.clients.find(clientId);
    if (!client) return undefined;
    const clientSecret = newClientSecret();
    const hash = await hashClientSecret(clientSecret);
    await this.store.repos.clients.updateCredentials(clientId, hash, client.environment, this.clock.now());
    return clientSecret;
  }

  /** The client whose id and secret these are, or undefined; same cost whether or not the id exists. */
  async authenticate(clientId: string, clientSecret: string): Promise<ClientRecord | undefined> {
    const client = await this.store.repos.clients.find(clientId);
    const ok = await verifyClientSecret(clientSecret, client?.secretHash ?? unknownClientHash);
    return client && ok ? client : undefined;
  }

  async list(): Promise<ClientSummary[]> {
    const clients = await this.store.repos.clients.list();
    return clients.map((c) => ({
      clientId: c.id,
      name: c.name,
      environment: c.environment,
      createdAt: c.createdAt,
      retentionDays: c.retentionDays,
    }));
  }

  /**
   * Sets how many days after their last final status the client's dossiers are deleted: null follows
   * the server's OPENASSURE_RETENTION_DAYS, 0 keeps them. False for an unknown client.
   */
  async setRetention(clientId: string, days: number | null): Promise<boolean> {
    if (days !== null && (!Number.isInteger(days) || days < 0 || days > maxRetentionDays))
      throw new AppError('bad_request', `Retention is a whole number of days from 0 to ${maxRetentionDays}.`);
    return this.store.repos.clients.setRetentionDays(clientId, days, this.clock.now());
  }

  /** Deletes a client with every dossier, process and image it owns. */
  async delete(clientId: string): Promise<boolean> {
    const { found, blobKeys } = await this.store.transaction(async (tx) => {
      const client = await tx.clients.find(clientId);
      if (!client) return { found: false, blobKeys: [] };
      const keys = await tx.images.deleteAllOfClient(clientId);
      keys.push(...(await tx.processes.deleteAllOfClient(clientId)));
      await tx.deliveries.deleteAllOfClient(clientId);
      await tx.dossiers.deleteAll(clientId);
      await tx.clients.delete(clientId);
      return { found: true, blobKeys: keys };
    });
    if (found) this.revocations?.revoked(clientId);
    await deleteBlobsQuietly(this.blobs, blobKeys, (key, error) =>
      this.logger.error({ err: error, blobKey: key }, 'could not delete the blob of a deleted client'),
    );
    return found;
  }
}

const maxRetentionDays = 36_500;

// Verifying against a fixed hash when the client id is unknown keeps the timing the same.
const unknownClientHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
