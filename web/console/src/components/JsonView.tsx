/** A JSON value, pretty-printed, folded away until asked for (raw results can be long). */
export function JsonView({
  title,
  value,
  open = false,
  testId,
}: {
  title: string;
  value: unknown;
  open?: boolean;
  testId?: string;
}) {
  return (
    <details class="json" open={open} data-testid={testId}>
      <summary>{title}</summary>
      {value === null || value === undefined ? (
        <p class="muted">None.</p>
      ) : (
        <pre tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>
      )}
    </details>
  );
}
