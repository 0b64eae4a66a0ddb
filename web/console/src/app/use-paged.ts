import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { Page } from '../api/types';

/**
 * A list read with keyset pagination: the first page whenever `key` (the filters) changes, and `more()` appends
 * the next one. A late answer for older filters is dropped.
 */
export function usePaged<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, key: string) {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    setBusy(true);
    setError(null);
    fetchPage(null)
      .then(
        (page) => {
          if (!current) return;
          setItems(page.items);
          setCursor(page.nextCursor);
        },
        (caught: unknown) => current && setError(caught instanceof ApiError ? caught.message : 'Loading failed.'),
      )
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [key, round]);

  const more = useCallback(
    (from: string) => {
      setBusy(true);
      fetchPage(from)
        .then(
          (page) => {
            setItems((before) => [...(before ?? []), ...page.items]);
            setCursor(page.nextCursor);
          },
          (caught: unknown) => setError(caught instanceof ApiError ? caught.message : 'Loading failed.'),
        )
        .finally(() => setBusy(false));
    },
    [fetchPage],
  );

  return { items, cursor, busy, error, more, reload: () => setRound((n) => n + 1) };
}
