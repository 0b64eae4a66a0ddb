import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { useApp } from '../app/context';
import { errorPageFor } from '../app/errors';

/**
 * Runs one call at a time for a screen: `busy` while it runs, `error` (words for the person) when it failed.
 * Failures that end the flow (lost session, finished process) go to the app's error pages instead.
 */
export function useRequest() {
  const { t, fail } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      if (errorPageFor(caught)) return fail(caught);
      setError(
        caught instanceof ApiError && caught.status === 0 ? t('error.network.body') : t('error.unexpected.body'),
      );
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, run, setError };
}
