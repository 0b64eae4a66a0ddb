import type { BlobBackendChoice } from '../config/blobs.js';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { BlobStore } from './blob-store.js';
import { diskBlobStore } from './disk-blob-store.js';
import type { DossierKeyring } from './dossier-keyring.js';
import { EncryptedBlobStore } from './encrypted-blob-store.js';
import type { BlobStoreManifest } from './manifest.js';
import { s3BlobStore } from './s3-blob-store.js';

/** The chosen adapter without encryption: enough to delete blobs, never to read or write them. */
export async function openBlobBackend(choice: BlobBackendChoice): Promise<BlobStore> {
  switch (choice.kind) {
    case 'disk':
      return build(diskBlobStore, choice);
    case 's3':
      return build(s3BlobStore, choice);
  }
}

/**
 * The chosen adapter under envelope encryption: what the application reads and writes through. With a
 * keyring, a dossier's blobs are sealed under the dossier's own key.
 */
export async function openBlobStore(
  choice: BlobBackendChoice,
  masterKey: Buffer,
  keyring?: DossierKeyring,
): Promise<BlobStore> {
  return new EncryptedBlobStore(await openBlobBackend(choice), masterKey, { keyring });
}

async function build<Options extends TSchema>(
  manifest: BlobStoreManifest<Options>,
  options: Static<Options>,
): Promise<BlobStore> {
  const problem = Value.Errors(manifest.options, options)[0];
  if (problem) {
    throw new Error(`The ${manifest.id} blob store options are invalid: ${problem.instancePath} ${problem.message}.`);
  }
  return manifest.create(options);
}
