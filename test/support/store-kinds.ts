import { availableStores, blobStoreOf, type DatabaseKind } from './stores.js';

/**
 * The stores to run store-dependent suites on: SQLite always, PostgreSQL when reachable (or required),
 * once with blobs on disk and once with blobs in S3.
 */
export const storeKinds = await availableStores();

/** For suites of the database alone (repositories), where the blob store makes no difference. */
export const databaseKinds = storeKinds.filter((kind): kind is DatabaseKind => blobStoreOf(kind) === 'disk');
