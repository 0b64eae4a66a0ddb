import { useState } from 'preact/hooks';
import { query } from '../api/client';
import type { Delivery, Page, WebhookEndpoint } from '../api/types';
import { can, useApp } from '../app/context';
import { formatTime } from '../app/format';
import { useClientList } from '../app/use-clients';
import { useAction, useLoad } from '../app/use-load';
import { usePaged } from '../app/use-paged';
import { Layout } from '../components/Layout';
import { More } from '../components/More';
import { Busy, ErrorNote, Show } from '../components/Status';

/** Endpoints per client, every delivery with its attempts, and (admins) redelivery. */
export function Webhooks() {
  const { api } = useApp();
  const clients = useClientList();
  const [clientId, setClientId] = useState('');
  const [failedOnly, setFailedOnly] = useState(false);
  const deliveries = usePaged(
    (cursor) => api.get<Page<Delivery>>(`/deliveries${query({ clientId, failed: failedOnly ? 'true' : '', cursor })}`),
    `${clientId}|${failedOnly}`,
  );

  return (
    <Layout section="webhooks" title="Webhooks">
      <div class="filters">
        <div class="field">
          <label for="webhooks-client">Client</label>
          <select
            id="webhooks-client"
            value={clientId}
            onChange={(event) => setClientId(event.currentTarget.value)}
            data-testid="webhooks-client"
          >
            <option value="">All clients</option>
            {clients.map((client) => (
              <option key={client.clientId} value={client.clientId}>
                {client.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={failedOnly}
              onChange={(event) => setFailedOnly(event.currentTarget.checked)}
              data-testid="webhooks-failed"
            />{' '}
            Failed deliveries only
          </label>
        </div>
      </div>
      {clientId && <Endpoints key={clientId} clientId={clientId} />}
      <h2>Deliveries</h2>
      <ErrorNote message={deliveries.error} />
      {deliveries.items === null ? (
        <Busy />
      ) : deliveries.items.length === 0 ? (
        <p class="muted">No deliveries.</p>
      ) : (
        <ul class="deliveries">
          {deliveries.items.map((delivery) => (
            <DeliveryItem key={delivery.id} delivery={delivery} onRedelivered={deliveries.reload} />
          ))}
        </ul>
      )}
      <More cursor={deliveries.cursor} busy={deliveries.busy} onMore={deliveries.more} />
    </Layout>
  );
}

function Endpoints({ clientId }: { clientId: string }) {
  const { api } = useApp();
  const endpoints = useLoad(
    () => api.get<WebhookEndpoint[]>(`/clients/${encodeURIComponent(clientId)}/webhooks`),
    clientId,
  );
  return (
    <>
      <h2>Endpoints</h2>
      <Show loaded={endpoints}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">This client has no webhook endpoints.</p>
          ) : (
            <table data-testid="webhook-endpoints">
              <thead>
                <tr>
                  <th scope="col">URL</th>
                  <th scope="col">Events</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <td class="mono">{endpoint.url}</td>
                    <td>{endpoint.events.join(', ')}</td>
                    <td>
                      {endpoint.status}
                      {endpoint.disabledReason ? ` (${endpoint.disabledReason})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </>
  );
}

function DeliveryItem({ delivery, onRedelivered }: { delivery: Delivery; onRedelivered: () => void }) {
  const { api, operator } = useApp();
  const action = useAction();
  const [queued, setQueued] = useState(false);
  const redeliver = async () => {
    const done = await action.run(() => api.post(`/deliveries/${encodeURIComponent(delivery.id)}/redeliver`));
    if (done.ok) {
      setQueued(true);
      onRedelivered();
    }
  };
  return (
    <li class="delivery" data-testid={`delivery-${delivery.id}`}>
      <p>
        <strong>{delivery.event}</strong> to <span class="mono">{delivery.url}</span> —{' '}
        <span data-testid="delivery-state">{delivery.state}</span>, {formatTime(delivery.createdAt)}
        {delivery.processId && (
          <>
            {' '}
            (process{' '}
            <a href={`#/process/${encodeURIComponent(delivery.processId)}`} class="mono">
              {delivery.processId}
            </a>
            )
          </>
        )}
      </p>
      {delivery.attempts.length > 0 && (
        <table class="attempts">
          <caption class="visually-hidden">Attempts</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Response</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {delivery.attempts.map((attempt, index) => (
              <tr key={index}>
                <td>{formatTime(attempt.at)}</td>
                <td>
                  {attempt.responseStatus !== null
                    ? `HTTP ${attempt.responseStatus}`
                    : (attempt.error ?? 'no response')}
                </td>
                <td>{attempt.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can.administer(operator) && (
        <p>
          <button type="button" disabled={action.busy} onClick={redeliver} data-testid="redeliver">
            Redeliver
          </button>{' '}
          <span role="status">{queued ? 'Redelivery queued.' : ''}</span>
        </p>
      )}
      <ErrorNote message={action.error} />
    </li>
  );
}
