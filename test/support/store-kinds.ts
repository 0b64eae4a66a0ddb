import { availableStores } from './stores.js';

/** The stores to run store-dependent suites on: SQLite always, PostgreSQL when reachable (or required). */
export const storeKinds = await availableStores();
