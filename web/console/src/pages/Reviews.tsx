import type { ReviewItem } from '../api/types';
import { useApp } from '../app/context';
import { formatDuration } from '../app/format';
import { useLoad } from '../app/use-load';
import { href } from '../app/router';
import { Layout } from '../components/Layout';
import { Show } from '../components/Status';

/** The review queue, oldest first, with how long each case has waited and who holds it. */
export function Reviews() {
  const { api } = useApp();
  const queue = useLoad(() => api.get<ReviewItem[]>('/reviews'), 'reviews');
  return (
    <Layout section="reviews" title="Reviews">
      <Show loaded={queue}>
        {(items) =>
          items.length === 0 ? (
            <p class="muted" data-testid="reviews-empty">
              Nothing is waiting for review.
            </p>
          ) : (
            <ol class="queue">
              {items.map((item) => (
                <li key={item.processId} data-testid={`review-item-${item.processId}`}>
                  <a href={href('review', item.processId)}>
                    {item.provider}
                    {item.processType ? ` (${item.processType})` : ''} for {item.clientName}
                  </a>{' '}
                  — waiting {formatDuration(item.waitingSeconds)}
                  {item.claimedBy && <>, claimed by {item.claimedBy}</>}
                  {item.approvals.length > 0 && <>, approved by {item.approvals.join(', ')}</>}
                  <span class="mono muted"> {item.processId}</span>
                </li>
              ))}
            </ol>
          )
        }
      </Show>
    </Layout>
  );
}
