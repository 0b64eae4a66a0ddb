import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Sealer } from '../crypto/sealer.js';
import type { Store } from '../store/store.js';

export const signingAlgorithm = 'ES256';

interface LoadedKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * The token signing keys. Generated once and kept in the database (private half sealed with the
 * master key) so that every node signs and verifies with the same keys.
 */
export class KeyRing {
  private keys: LoadedKey[] = [];
  private lastReload = 0;

  constructor(
    private readonly store: Store,
    private readonly sealer: Sealer,
    private readonly now: () => number,
  ) {}

  /** Loads the keys, creating the first one if there is none. */
  async init(): Promise<void> {
    await this.reload();
    if (this.keys.length === 0) {
      await this.createKey();
      await this.reload();
    }
  }

  signingKey(): LoadedKey {
    const key = this.keys[0];
    if (!key) throw new Error('KeyRing.init() was not called.');
    return key;
  }

  /** Finds a verification key; reloads at most every 10 s when a node created a key we do not know. */
  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    let key = this.keys.find((k) => k.kid === kid);
    if (!key && this.now() - this.lastReload > 10_000) {
      await this.reload();
      key = this.keys.find((k) => k.kid === kid);
    }
    return key?.publicKey;
  }

  publicJwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => key.publicJwk) };
  }

  private async createKey(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
    const kid = `signing-key-${randomBytes(16).toString('hex')}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: signingAlgorithm, use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: signingAlgorithm };
    await this.store.repos.signingKeys.insert({
      kid,
      algorithm: signingAlgorithm,
      privateJwkSealed: this.sealer.sealText(JSON.stringify(privateJwk)),
      publicJwk: JSON.stringify(publicJwk),
      createdAt: this.now(),
      retiredAt: null,
    });
  }

  private async reload(): Promise<void> {
    const records = await this.store.repos.signingKeys.listActive();
    this.keys = await Promise.all(
      records.map(async (record) => {
        const publicJwk = JSON.parse(record.publicJwk) as JWK;
        const privateJwk = JSON.parse(this.sealer.openText(record.privateJwkSealed)) as JWK;
        return {
          kid: record.kid,
          publicJwk,
          publicKey: (await importJWK(publicJwk, signingAlgorithm)) as CryptoKey,
          privateKey: (await importJWK(privateJwk, signingAlgorithm)) as CryptoKey,
        };
      }),
    );
    this.lastReload = this.now();
  }
}
