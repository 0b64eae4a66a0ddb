import { randomBytes } from 'node:crypto';
import { newClientKeyPair, publicJwks, type ClientKeyPair } from '../connect/client-keys.js';
import type { ServiceDeps } from './context.js';

/**
 * Each client's own key pair for its issuers, made on first use. The private keys are sealed like every
 * stored secret; the public JWKS is served at the client's JWKS URL for issuers to fetch.
 */
export class ConnectClientKeys {
  constructor(private readonly deps: ServiceDeps) {}

  async of(clientId: string): Promise<{ keySetId: string; keys: ClientKeyPair }> {
    const { store, sealer } = this.deps;
    let record = await store.repos.connectClientKeys.findByClient(clientId);
    if (!record) {
      const keys = await newClientKeyPair();
      await store.repos.connectClientKeys.insertIfAbsent({
        clientId,
        keySetId: randomBytes(16).toString('base64url'),
        privateKeysSealed: sealer.sealText(JSON.stringify(keys)),
        publicJwks: JSON.stringify(publicJwks(keys)),
        createdAt: this.deps.clock.now(),
      });
      // Re-read: a racing first use may have stored its pair first, and that one is the client's.
      record = await store.repos.connectClientKeys.findByClient(clientId);
      if (!record) throw new Error('The client key pair was not stored.');
    }
    return { keySetId: record.keySetId, keys: JSON.parse(sealer.openText(record.privateKeysSealed)) as ClientKeyPair };
  }

  /** The published JWKS of a key set, or undefined when there is none by that id. */
  async publicJwks(keySetId: string): Promise<unknown> {
    const jwks = await this.deps.store.repos.connectClientKeys.findPublicJwks(keySetId);
    return jwks === undefined ? undefined : (JSON.parse(jwks) as unknown);
  }
}

/** Where a client's issuers fetch its public keys, and where they send the end-user back to. */
export const connectUrls = (publicUrl: string) => ({
  jwksUri: (keySetId: string) => `${publicUrl}/assure/connect/jwks/${keySetId}`,
  redirectUri: `${publicUrl}/assure/connect/callback`,
});
