import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Sealer } from '../crypto/sealer.js';
import type { SigningKeyRecord } from '../store/repositories/signing-keys.js';
import type { Store } from '../store/store.js';

export const signingAlgorithm = 'ES256';

interface LoadedKey {
  kid: string;
  createdAt: number;
  /** When the key leaves the JWKS; null while it signs. */
  retiredAt: number | null;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export interface KeyRingSettings {
  /** Lifetime of the tokens signed: a retired key keeps verifying at least this long. */
  tokenTtlSeconds: number;
  /** Rotate on its own once the signing key is this old; undefined: only `openassure keys rotate`. */
  rotateAfterDays?: number;
}

/** How often every node reloads the keys, so a key rotated elsewhere signs here within this time. */
const refreshMs = 30_000;
/**
 * A retired key verifies for the token lifetime plus this: nodes that have not reloaded yet may sign
 * with it for up to `refreshMs` after the rotation, and clocks across nodes may differ a little.
 */
const retirementMarginMs = refreshMs + 90_000;

/**
 * The token signing keys. Kept in the database (private half sealed with the master key) so that every
 * node signs and verifies with the same keys. Rotation adds a key that signs from then on; the keys it
 * replaces stay in the JWKS and keep verifying until every token they signed has expired.
 */
export class KeyRing {
  private keys: LoadedKey[] = [];
  private lastReload = 0;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly sealer: Sealer,
    private readonly now: () => number,
    private readonly settings: KeyRingSettings,
  ) {}

  /** Loads the keys, creating the first one if there is none. */
  async init(): Promise<void> {
    await this.reload();
    await this.ensureSigningKey();
  }

  /** Reloads every 30 s (picking up rotations by other nodes or the CLI) and rotates when due. */
  startRefresh(onError: (error: unknown) => void): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.refreshing = this.refreshing.then(() => this.refresh().catch(onError));
    }, refreshMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.refreshing;
  }

  /** The newest key that has not been retired; during a rotation's short gap, the newest one still verifying. */
  signingKey(): LoadedKey {
    const key = this.keys.find((k) => k.retiredAt === null) ?? this.keys[0];
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
    if (key && key.retiredAt !== null && key.retiredAt <= this.now()) return undefined;
    return key?.publicKey;
  }

  publicJwks(): { keys: JWK[] } {
    const now = this.now();
    return { keys: this.keys.filter((k) => k.retiredAt === null || k.retiredAt > now).map((k) => k.publicJwk) };
  }

  /**
   * Replaces the signing key. Returns the new key's id, or undefined when another node rotated the
   * same key first (its new key is then the one in use). Only the node whose compare-and-set retires
   * the current key adds the next one, so two nodes rotating at once add one key, not two.
   */
  async rotate(): Promise<string | undefined> {
    await this.reload();
    const current = this.keys.find((k) => k.retiredAt === null);
    const retiresAt = this.now() + this.settings.tokenTtlSeconds * 1000 + retirementMarginMs;
    if (current && !(await this.store.repos.signingKeys.retire(current.kid, retiresAt))) {
      await this.reload();
      return undefined;
    }
    const kid = await this.createKey();
    await this.reload();
    return kid;
  }

  /** Every key still in the JWKS, newest first (for `openassure keys list`). */
  list(): Array<Pick<LoadedKey, 'kid' | 'createdAt' | 'retiredAt'>> {
    return this.keys.map(({ kid, createdAt, retiredAt }) => ({ kid, createdAt, retiredAt }));
  }

  private async refresh(): Promise<void> {
    await this.reload();
    await this.ensureSigningKey();
    const days = this.settings.rotateAfterDays;
    const current = this.keys.find((k) => k.retiredAt === null);
    if (days !== undefined && current && this.now() - current.createdAt >= days * 86_400_000) await this.rotate();
  }

  /** A rotation that stopped between retiring the old key and adding the new one leaves none that signs. */
  private async ensureSigningKey(): Promise<void> {
    if (this.keys.some((k) => k.retiredAt === null)) return;
    await this.createKey();
    await this.reload();
  }

  private async createKey(): Promise<string> {
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
    return kid;
  }

  private async reload(): Promise<void> {
    const records = await this.store.repos.signingKeys.listVerifying(this.now());
    this.keys = await Promise.all(records.map((record) => this.load(record)));
    this.lastReload = this.now();
  }

  private async load(record: SigningKeyRecord): Promise<LoadedKey> {
    const publicJwk = JSON.parse(record.publicJwk) as JWK;
    const privateJwk = JSON.parse(this.sealer.openText(record.privateJwkSealed)) as JWK;
    return {
      kid: record.kid,
      createdAt: record.createdAt,
      retiredAt: record.retiredAt,
      publicJwk,
      publicKey: (await importJWK(publicJwk, signingAlgorithm)) as CryptoKey,
      privateKey: (await importJWK(privateJwk, signingAlgorithm)) as CryptoKey,
    };
  }
}
