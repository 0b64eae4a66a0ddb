import { randomBytes } from 'node:crypto';
import type { Sealer } from '../crypto/sealer.js';

/** Whose blob this is: blobs of a dossier are sealed under that dossier's key (format version 3). */
export interface BlobOwner {
  dossierId: string;
}

/**
 * Where the dossiers' sealed keys are kept. The store's DossierKeyRepository is one (this layer cannot
 * import it, so it names only what it needs); ids are 32 hex characters, sealed keys base64url.
 */
export interface SealedKeyTable {
  ensure(
    dossierId: string,
    candidate: { id: string; sealed: string },
    now: number,
  ): Promise<{ id: string; sealed: string }>;
  findSealed(id: string): Promise<string | undefined>;
}

export const dossierKeyIdLength = 16;
const keyPurpose = Buffer.from('OpenAssure dossier key');

/**
 * The dossiers' data keys, sealed by the master key in the database. Nothing is cached: once a dossier
 * (and with it its key row) is deleted, no part of the server can open its blobs any more, on this node
 * or any other.
 *
 * @example
 *   const { id, key } = await keyring.keyFor(dossierId); // made on first use
 *   const same = await keyring.find(id); // undefined once the dossier is gone
 */
export class DossierKeyring {
  constructor(
    private readonly table: SealedKeyTable,
    private readonly masterSealer: Sealer,
    private readonly now: () => number,
  ) {}

  async keyFor(dossierId: string): Promise<{ id: Buffer; key: Buffer }> {
    const id = randomBytes(dossierKeyIdLength);
    const candidate = { id: id.toString('hex'), sealed: this.seal(id, randomBytes(32)) };
    const stored = await this.table.ensure(dossierId, candidate, this.now());
    const storedId = Buffer.from(stored.id, 'hex');
    return { id: storedId, key: this.open(storedId, stored.sealed) };
  }

  async find(id: Buffer): Promise<Buffer | undefined> {
    const sealed = await this.table.findSealed(id.toString('hex'));
    return sealed === undefined ? undefined : this.open(id, sealed);
  }

  // The key's id is sealed with it, so a sealed key moved to another row does not open there.
  private seal(id: Buffer, key: Buffer): string {
    return this.masterSealer.seal(key, Buffer.concat([keyPurpose, id])).toString('base64url');
  }

  private open(id: Buffer, sealed: string): Buffer {
    return this.masterSealer.open(Buffer.from(sealed, 'base64url'), Buffer.concat([keyPurpose, id]));
  }
}
