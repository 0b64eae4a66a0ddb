import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client';
import type { Loaded } from '../app/use-load';

export function Busy({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="busy" role="status">
      {label}
    </p>
  );
}

export function ErrorNote({ message }: { message: string | null }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}

function describe(error: ApiError): string {
  if (error.status === 404) return 'Not found: it does not exist, or it belongs to a client you cannot see.';
  if (error.status === 403) return 'Your role does not allow this.';
  return error.message;
}

/** Shows a loading state or its error, and the content once loaded. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <Busy />;
  if (loaded.state === 'failed') return <ErrorNote message={describe(loaded.error)} />;
  return <>{children(loaded.data)}</>;
}
