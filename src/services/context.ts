import type { BlobStore } from '../blobs/blob-store.js';
import type { StatusChanges } from '../core/domain.js';
import type { Clock } from '../core/time.js';
import type { Sealer } from '../crypto/sealer.js';
import type { Logger } from '../logging/logger.js';
import type { JobQueue } from '../jobs/types.js';
import type { DestinationCheck } from '../notifications/webhook-url.js';
import type { Repositories, Store } from '../store/store.js';

/** What every service is built from. */
export interface ServiceDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  sealer: Sealer;
  logger: Logger;
  queue: JobQueue;
  statusChanges: StatusChanges<Repositories>;
  /** The server's public URL, for links handed to clients. */
  publicUrl: string;
  /** Judges a customer's URL we are to call (webhook endpoint, legacy notificationUrl) when it is given. */
  checkDestination: DestinationCheck;
}
