import { percentile } from '../shared/stats.js';

export interface VerifyLoadResult {
  completed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  errors: number;
}

/** An 8x8 grey JPEG made with sharp: decodable, so the server's image checks pass it. */
export const frontImage =
  'data:image/jpeg;base64,/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKwAf//Z';

/**
 * `users` virtual integrators, each doing full sandbox verifications one after another for `seconds`:
 * create a dossier and a Signicat Paper process, upload the front image, start, then poll Get process
 * until the status is final. Counts the verifications observed final and their end-to-end time.
 */
export async function runVerifyLoad(
  baseUrl: string,
  token: string,
  users: number,
  seconds: number,
): Promise<VerifyLoadResult> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text === '' ? {} : JSON.parse(text)) as Record<string, string>;
  };
  const durations: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const user = async () => {
    while (Date.now() < until) {
      const started = Date.now();
      try {
        const { dossierId } = await call('POST', '/assure/dossiers', {});
        const { processId } = await call('POST', `/assure/dossiers/${dossierId}/processes`, {
          provider: 'signicatpaper',
          documentType: 'passport',
          documentCountry: 'NLD',
        });
        const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
        await call('POST', `${path}/images`, { front: frontImage });
        await call('POST', path, {});
        for (;;) {
          const { status } = await call('GET', path);
          if (status !== 'processing' && status !== 'pending') break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        if (Date.now() <= until) durations.push(Date.now() - started);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  return {
    completed: durations.length,
    seconds,
    perSecond: durations.length / seconds,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    errors,
  };
}
