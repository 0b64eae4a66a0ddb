import type { AuthenticatedClient } from '../auth/client-directory.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Clock } from '../core/time.js';
import type { Sealer } from '../crypto/sealer.js';
import type { Logger } from '../logging/logger.js';
import type { JobQueue } from '../jobs/types.js';
import type { DestinationCheck } from '../notifications/webhook-url.js';
import type { Store } from '../store/store.js';
import type { StatusChanges } from './status-changes.js';

/** What every service is built from. */
export interface ServiceDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  sealer: Sealer;
  logger: Logger;
  queue: JobQueue;
  statusChanges: StatusChanges;
  /** The server's public URL, for links handed to clients. */
  publicUrl: string;
  /** Judges a customer's URL we are to call (webhook endpoint, legacy notificationUrl) when it is given. */
  checkDestination: DestinationCheck;
}

/** The caller of a use case: always a client, whose data is the only data it can see. */
export type Caller = AuthenticatedClient;
