import { jpegDataUrl } from './images.js';

/**
 * A sandbox Signicat Paper passport process, created, given its image and started through the HTTP API,
 * so that its verify job is queued for a worker. Returns the process and a reader of its current status.
 */
export async function startPassportVerification(baseUrl: string, accessToken: string) {
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const text = await (
      await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
    ).text();
    return (text === '' ? {} : JSON.parse(text)) as Record<string, string>;
  };
  const { dossierId } = await post('/assure/dossiers', {});
  const { processId = '' } = await post(`/assure/dossiers/${dossierId}/processes`, {
    provider: 'signicatpaper',
    documentType: 'passport',
    documentCountry: 'NLD',
  });
  const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
  await post(`${path}/images`, { front: await jpegDataUrl() });
  const started = (await post(path, {})).status;
  const status = async () =>
    ((await (await fetch(`${baseUrl}${path}`, { headers })).json()) as { status: string }).status;
  return { processId, started, status };
}
