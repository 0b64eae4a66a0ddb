import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; data: T; reload: () => void };

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong.');

/** Loads once per key (and again on reload); a late answer for an older key is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: 'ready', data, reload }),
      (error: unknown) => current && setResult({ state: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; the key says when it asks for something else.
  }, [key, round]);
  return result;
}

/** Runs an action (a write), keeping its error to show; `busy` while it runs. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
    setBusy(true);
    setError(null);
    try {
      return { ok: true, value: await action() };
    } catch (caught) {
      setError(asApiError(caught).message);
      return { ok: false };
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
