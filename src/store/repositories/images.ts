import type { Kysely } from 'kysely';
import type { MediaDepiction } from '../../core/domain.js';
import type { Database, ImageOwnerKind } from '../schema.js';

export interface ImageOwner {
  kind: ImageOwnerKind;
  id: string;
  clientId: string;
}

export interface StoredImage {
  depiction: MediaDepiction;
  blobKey: string;
  contentType: string;
  size: number;
  createdAt: number;
}

/** Image rows of dossiers and processes. Callers delete the blobs whose keys these methods return. */
export class ImageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(owner: ImageOwner): Promise<StoredImage[]> {
    const rows = await this.db
      .selectFrom('images')
      .select(['depiction', 'blob_key', 'content_type', 'size', 'created_at'])
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where('client_id', '=', owner.clientId)
      .orderBy('depiction')
      .execute();
    return rows.map((row) => ({
      depiction: row.depiction,
      blobKey: row.blob_key,
      contentType: row.content_type,
      size: row.size,
      createdAt: row.created_at,
    }));
  }

  async find(owner: ImageOwner, depiction: MediaDepiction): Promise<StoredImage | undefined> {
    return (await this.list(owner)).find((image) => image.depiction === depiction);
  }

  /** Inserts or replaces images by depiction; returns the blob keys that are no longer referenced. */
  async put(owner: ImageOwner, images: readonly StoredImage[]): Promise<string[]> {
    if (images.length === 0) return [];
    const replaced = await this.db
      .deleteFrom('images')
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where(
        'depiction',
        'in',
        images.map((image) => image.depiction),
      )
      .returning('blob_key')
      .execute();
    await this.db
      .insertInto('images')
      .values(
        images.map((image) => ({
          owner_kind: owner.kind,
          owner_id: owner.id,
          client_id: owner.clientId,
          depiction: image.depiction,
          blob_key: image.blobKey,
          content_type: image.contentType,
          size: image.size,
          created_at: image.createdAt,
        })),
      )
      .execute();
    return replaced.map((row) => row.blob_key);
  }

  async deleteOwner(owner: ImageOwner): Promise<string[]> {
    const rows = await this.db
      .deleteFrom('images')
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where('client_id', '=', owner.clientId)
      .returning('blob_key')
      .execute();
    return rows.map((row) => row.blob_key);
  }

  /** Deletes the owner's images of these depictions; returns their blob keys. */
  async deleteDepictions(owner: ImageOwner, depictions: readonly MediaDepiction[]): Promise<string[]> {
    if (depictions.length === 0) return [];
    const rows = await this.db
      .deleteFrom('images')
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where('client_id', '=', owner.clientId)
      .where('depiction', 'in', [...depictions])
      .returning('blob_key')
      .execute();
    return rows.map((row) => row.blob_key);
  }

  /** Deletes the files of a dossier and the images of all its processes. */
  async deleteDossierTree(clientId: string, dossierId: string): Promise<string[]> {
    const rows = await this.db
      .deleteFrom('images')
      .where('client_id', '=', clientId)
      .where((eb) =>
        eb.or([
          eb.and([eb('owner_kind', '=', 'dossier'), eb('owner_id', '=', dossierId)]),
          eb.and([
            eb('owner_kind', '=', 'process'),
            eb('owner_id', 'in', eb.selectFrom('processes').select('id').where('dossier_id', '=', dossierId)),
          ]),
        ]),
      )
      .returning('blob_key')
      .execute();
    return rows.map((row) => row.blob_key);
  }

  async deleteAllOfClient(clientId: string): Promise<string[]> {
    const rows = await this.db.deleteFrom('images').where('client_id', '=', clientId).returning('blob_key').execute();
    return rows.map((row) => row.blob_key);
  }
}
