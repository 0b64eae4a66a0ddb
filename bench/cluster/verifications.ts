import { unwrap, type AssureApi } from '../../packages/client/src/index.js';

/** Subscribes a webhook endpoint to `process.completed`; returns its signing secret. */
export async function subscribe(api: AssureApi, url: string): Promise<string> {
  const created = await unwrap(api.POST('/assure/webhooks', { body: { url, events: ['process.completed'] } }));
  return created.secret;
}

/** Creates a dossier and a sandbox passport process, uploads `photo` (a data URL) and starts it (it is then `processing`). */
export async function startVerification(
  api: AssureApi,
  photo: string,
): Promise<{ dossierId: string; processId: string }> {
  const { dossierId } = await unwrap(api.POST('/assure/dossiers', { body: {} }));
  const { processId } = await unwrap(
    api.POST('/assure/dossiers/{dossierId}/processes', {
      params: { path: { dossierId } },
      body: { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD' },
    }),
  );
  const params = { path: { dossierId, processId } };
  await unwrap(
    api.POST('/assure/dossiers/{dossierId}/processes/{processId}/images', { params, body: { front: photo } }),
  );
  await unwrap(api.POST('/assure/dossiers/{dossierId}/processes/{processId}', { params, body: {} }));
  return { dossierId, processId };
}

/** Reads the process until it leaves `processing`, or the time is up; returns its last status. */
export async function waitFinal(
  api: AssureApi,
  ids: { dossierId: string; processId: string },
  ms: number,
): Promise<string> {
  const deadline = Date.now() + ms;
  const params = { path: ids };
  for (;;) {
    const { status } = await unwrap(api.GET('/assure/dossiers/{dossierId}/processes/{processId}', { params }));
    if (status !== 'processing' || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
