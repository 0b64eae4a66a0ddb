import type { Static, TSchema } from 'typebox';
import type { BlobStore } from './blob-store.js';

/**
 * One BlobStore adapter: its id (the value of OPENASSURE_BLOB_STORE), the schema of the options it is
 * built from, and the factory. Options are always injected; an adapter never reads the environment.
 *
 * @example
 *   const blobs = await s3BlobStore.create({ bucket: 'kyc', region: 'eu-west-1', forcePathStyle: false });
 */
export interface BlobStoreManifest<Options extends TSchema> {
  id: string;
  options: Options;
  /** Builds the adapter; may check that its storage is reachable (a wrong bucket stops the server at start). */
  create(options: Static<Options>): BlobStore | Promise<BlobStore>;
}
