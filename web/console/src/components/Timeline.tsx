import type { TimelineEntry } from '../api/types';
import { formatTime } from '../app/format';

/** Status changes and notification attempts, in the order they happened. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p class="muted">Nothing has happened yet.</p>;
  return (
    <ol class="timeline" data-testid="timeline">
      {entries.map((entry, index) => (
        <li key={index} class={`timeline-${entry.kind}`}>
          <time dateTime={entry.at}>{formatTime(entry.at)}</time>{' '}
          {entry.kind === 'status' ? (
            <>
              status <span class={`status status-${entry.status}`}>{entry.status}</span>
            </>
          ) : (
            <>
              notification to <span class="mono">{entry.url}</span>, attempt {entry.attempt}:{' '}
              {entry.ok ? 'delivered' : 'failed'}
              {entry.responseStatus !== null ? ` (HTTP ${entry.responseStatus})` : ' (no response)'}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
