import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const connect: Migration = {
  async up(db: Kysely<any>) {
    // A client's eID methods (live Connect): the issuer and how to log in there. The secret is sealed.
    await db.schema
      .createTable('connect_methods')
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('client_secret_sealed', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('connect_methods_pk', ['client_id', 'method'])
      .execute();

    // Each client's own key pair for its issuers (client assertions, encrypted userinfo). The JWKS URL
    // names the key set by its own random id, so that publishing it does not publish the client id.
    await db.schema
      .createTable('connect_client_keys')
      .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id').onDelete('cascade'))
      .addColumn('key_set_id', 'text', (c) => c.notNull().unique())
      .addColumn('private_keys_sealed', 'text', (c) => c.notNull())
      .addColumn('public_jwks', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    // Logins sent to an issuer and not yet back: by the SHA-256 of their state; nonce and PKCE verifier sealed.
    await db.schema
      .createTable('connect_authorizations')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('secrets_sealed', 'text', (c) => c.notNull())
      .addColumn('browser_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('connect_authorizations_process')
      .on('connect_authorizations')
      .column('process_id')
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('connect_authorizations').ifExists().execute();
    await db.schema.dropTable('connect_client_keys').ifExists().execute();
    await db.schema.dropTable('connect_methods').ifExists().execute();
  },
};
