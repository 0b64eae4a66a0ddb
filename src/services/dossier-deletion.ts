import type { Repositories } from '../store/store.js';

/**
 * Deletes a dossier with its processes, their histories, images, videos, chip data and raw results,
 * inside the caller's transaction; returns the blob keys to delete after the commit. The dossier's key
 * goes with its row (a cascading foreign key), so those blobs are unreadable from the commit on, even
 * where a copy of them survives (a backup, a failed blob delete).
 */
export async function deleteDossierRows(tx: Repositories, clientId: string, dossierId: string): Promise<string[]> {
  const keys = await tx.images.deleteDossierTree(clientId, dossierId);
  keys.push(...(await tx.processes.deleteByDossier(clientId, dossierId)));
  await tx.userData.delete(dossierId);
  await tx.dossiers.delete(clientId, dossierId);
  return keys;
}
