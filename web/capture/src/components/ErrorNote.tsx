/** An error in words, announced at once by screen readers. */
export function ErrorNote({ message, hint }: { message: string; hint?: string }) {
  return (
    <div class="error-note" role="alert" data-testid="error-message">
      <p>{message}</p>
      {hint && <p class="hint">{hint}</p>}
    </div>
  );
}
