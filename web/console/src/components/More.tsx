/** Keyset pagination: one more page after the last row, while the server has a cursor to give. */
export function More({
  cursor,
  busy,
  onMore,
}: {
  cursor: string | null;
  busy: boolean;
  onMore: (cursor: string) => void;
}) {
  if (!cursor) return null;
  return (
    <p>
      <button type="button" data-testid="more" disabled={busy} onClick={() => onMore(cursor)}>
        {busy ? 'Loading…' : 'More'}
      </button>
    </p>
  );
}
